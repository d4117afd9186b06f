import Beacon

/// A snapshot of an engine's progress, handed to the progress hook.
///
/// A value, not a view of the engine: the hook can print it, time it against the wall clock or store it, but it
/// cannot schedule or cancel anything, so reporting never changes what the simulation does.
package struct EngineProgress: Hashable, Sendable, CustomStringConvertible {
    /// The simulated time of the event that just ran.
    package let now: SimTime
    /// The slot in progress at ``now``.
    package let slot: Slot
    /// Events run since the engine was created.
    package let eventsProcessed: UInt64
    /// Events waiting in the queue.
    package let pendingCount: Int

    package var description: String {
        "\(slot), \(now), \(eventsProcessed) events run, \(pendingCount) pending"
    }
}

/// When the progress hook runs: after the first event that completes `everyEvents` events since the last report, or
/// the first event at least `everySimulated` of simulated time after the last report, whichever comes first.
///
/// Both triggers depend only on the simulation, never on the wall clock, so the reports of two runs with the same
/// seed fall on the same events. Leave a trigger `nil` to disable it.
package struct ProgressCadence: Hashable, Sendable {
    /// Report after this many events since the last report.
    package var everyEvents: UInt64?
    /// Report once simulated time has moved this far since the last report.
    package var everySimulated: SimDuration?

    /// Creates a cadence; at least one trigger must be set, and both must be positive.
    package init(everyEvents: UInt64? = nil, everySimulated: SimDuration? = nil) {
        precondition(everyEvents != nil || everySimulated != nil, "a progress cadence needs at least one trigger")
        precondition(everyEvents.map { $0 > 0 } ?? true, "report every 0 events")
        precondition(everySimulated.map { $0.micros > 0 } ?? true, "report every 0 µs")
        self.everyEvents = everyEvents
        self.everySimulated = everySimulated
    }
}
