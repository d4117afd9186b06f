import Beacon

/// The discrete-event engine: a simulated clock, an ``EventQueue`` of the simulation's events, and the loop that
/// hands each event to the simulation's handler.
///
/// **Event order.** Events run in ascending order of ``EventKey`` `(time, priority, sequence)`: earlier time first,
/// then lower ``EventPriority``, then the order in which they were scheduled. Before an event's handler runs, the
/// clock ``now`` is set to the event's time (as NIO's `EmbeddedEventLoop.advanceTime(to:)` does), so time never goes
/// backwards. A handler may schedule at the current time: the new event runs after every already-queued event with
/// the same time and priority (its sequence is larger). Scheduling before ``now`` is a programming error.
///
/// **Plugging in the simulation.** `Event` is the simulation's own type, typically an enum with a case per kind of
/// event; the engine stores it by value, so there is no closure per event. The handler is one `switch`:
///
/// ```swift
/// enum SimEvent { case slotStart(Slot), userTransaction(ShardID), propose(ShardID) }
///
/// let engine = EventEngine<SimEvent>(clock: SlotClock())
/// engine.schedule(.slotStart(Slot(0)), at: .genesis, priority: .slotStart)
/// try engine.run(until: .endOfSlot(Slot(99))) { event in
///     switch event {
///     case .slotStart(let slot):
///         engine.schedule(.slotStart(slot.next), at: engine.clock.start(of: slot.next), priority: .slotStart)
///     case .userTransaction(let shard): try workload.submit(on: shard, at: engine.now)
///     case .propose(let shard): try proposers.propose(on: shard, at: engine.now)
///     }
/// }
/// ```
///
/// **Cancellation.** ``schedule(_:at:priority:)`` returns an ``EventHandle``; ``cancel(_:)`` removes the event in
/// O(1) amortized time and a cancelled event never runs. Cancelling a fired, cancelled or unknown event does nothing.
///
/// The engine is single-threaded and not `Sendable`: one engine per run, driven from one task. Parallel work inside
/// a handler (executing a slot's shard blocks) must be joined, in shard order, before the handler returns. An `Event`
/// must not have a deinitializer that calls into the engine (payloads are plain values in practice).
package final class EventEngine<Event> {
    /// Maps ``now`` to slots and epochs, and resolves ``RunLimit/endOfSlot(_:)``.
    package let clock: SlotClock

    // Why `@exclusivity(unchecked)` on the mutable state below: a class's stored properties are checked for
    // overlapping access at run time, and that check (a thread-local access set, begun and ended around each access)
    // cost about as much as the queue itself in `shardsim bench engine`. The engine never calls out (to a handler or
    // the progress hook) while one of its own accesses is open, so accesses cannot overlap; the one way to break this
    // would be an `Event` whose deinitializer calls back into the engine, which the type's docs forbid.

    /// The simulated time: the time of the event running, or of the last one run, or the limit of the last run.
    @exclusivity(unchecked) package private(set) var now: SimTime

    /// Events handed to a handler since the engine was created.
    @exclusivity(unchecked) package private(set) var eventsProcessed: UInt64 = 0

    @exclusivity(unchecked) private var queue: EventQueue<Event>
    /// Set while `run` or `step` is on the stack: they are not reentrant.
    @exclusivity(unchecked) private var isRunning = false
    @exclusivity(unchecked) private var stopRequested = false

    private var progressHook: ((EngineProgress) -> Void)?
    private var progressCadence: ProgressCadence?
    /// Set while the progress hook runs, to catch a hook that tries to change the simulation.
    @exclusivity(unchecked) private var isReporting = false
    // The hot path compares against these two numbers only; without a hook they stay at their maximum.
    @exclusivity(unchecked) private var nextReportAtEvent: UInt64 = .max
    @exclusivity(unchecked) private var nextReportAtTime = SimTime(micros: .max)

    /// Creates an engine whose clock starts at `start` (genesis by default).
    ///
    /// - Parameter minimumCapacity: Pending events to make room for up front.
    package init(clock: SlotClock = SlotClock(), start: SimTime = .genesis, minimumCapacity: Int = 0) {
        self.clock = clock
        self.now = start
        self.queue = EventQueue(minimumCapacity: minimumCapacity)
    }

    /// The slot in progress at ``now``.
    package var currentSlot: Slot { clock.slot(at: now) }

    /// The number of events waiting to run.
    package var pendingCount: Int { queue.count }

    /// Every pending event in scheduling order (by sequence), for checkpoints: scheduling them again in this order
    /// into a new engine started at ``now`` reproduces the same pop order, ties included.
    package var pendingEvents: [ScheduledEvent<Event>] { queue.pendingInSequenceOrder }

    /// The time of the next event to run, or `nil` when none is pending.
    package var nextEventTime: SimTime? { queue.nextKey()?.time }

    // MARK: - Scheduling

    /// Schedules `event` to run at `time`, after every event already queued with the same time and priority.
    ///
    /// - Precondition: `time` is not before ``now``, and the progress hook is not running.
    /// - Returns: A handle for ``cancel(_:)``; discard it if the event is never cancelled.
    /// - Complexity: O(log n) in the number of pending events.
    @discardableResult
    package func schedule(_ event: Event, at time: SimTime, priority: EventPriority = .normal) -> EventHandle {
        precondition(time >= now, "scheduled an event at \(time), before the current time \(now)")
        precondition(!isReporting, "the progress hook must not schedule events")
        return queue.schedule(event, at: time, priority: priority)
    }

    /// Schedules `event` to run `delay` after ``now``; a zero delay runs it after the events already due now.
    @discardableResult
    package func schedule(_ event: Event, after delay: SimDuration, priority: EventPriority = .normal) -> EventHandle {
        schedule(event, at: now + delay, priority: priority)
    }

    /// Cancels a pending event so that it never runs.
    ///
    /// Cancelling an event that already ran, was already cancelled, or comes from another engine does nothing.
    ///
    /// - Returns: Whether a pending event was cancelled.
    /// - Complexity: O(1) amortized.
    @discardableResult
    package func cancel(_ handle: EventHandle) -> Bool {
        precondition(!isReporting, "the progress hook must not cancel events")
        return queue.cancel(handle)
    }

    /// Whether the event behind `handle` is still waiting to run.
    package func isPending(_ handle: EventHandle) -> Bool { queue.isPending(handle) }

    // MARK: - Running

    /// Runs events in order, handing each to `handler`, until `limit` is reached, the queue is empty, or a handler
    /// calls ``requestStop()``.
    ///
    /// The handler may schedule and cancel events. If it throws, the run stops at once with that error: the event
    /// that threw counts as run, the clock stays at its time, and the other events stay pending.
    ///
    /// - Precondition: No `run` or ``step(_:)`` of this engine is in progress (a handler cannot run the engine).
    @discardableResult
    package func run<Failure: Error>(
        until limit: RunLimit,
        _ handler: (Event) throws(Failure) -> Void
    ) throws(Failure) -> RunOutcome {
        precondition(!isRunning, "run is not reentrant: a handler cannot run its own engine")
        isRunning = true
        defer { isRunning = false }
        stopRequested = false

        // A limit in the past still runs what is due now, as NIO's advanceTime(to:) does; time never goes back.
        let lastTime = max(limit.lastTime(on: clock) ?? SimTime(micros: .max), now)
        while let next = queue.popNext(notAfter: lastTime) {
            try dispatch(next, to: handler)
            if stopRequested {
                stopRequested = false
                return .stopped
            }
        }
        if limit == .queueEmpty { return .queueEmpty }
        if lastTime > now { now = lastTime }
        return .reachedLimit
    }

    /// Runs the next event, if any; returns whether one ran. Handy in tests and for stepping through a trace.
    ///
    /// - Precondition: No ``run(until:_:)`` or `step` of this engine is in progress.
    @discardableResult
    package func step<Failure: Error>(_ handler: (Event) throws(Failure) -> Void) throws(Failure) -> Bool {
        precondition(!isRunning, "step is not reentrant: a handler cannot run its own engine")
        guard let next = queue.popNext() else { return false }
        isRunning = true
        defer { isRunning = false }
        try dispatch(next, to: handler)
        return true
    }

    /// Asks the current ``run(until:_:)`` to return ``RunOutcome/stopped`` once the running handler returns.
    ///
    /// - Precondition: Called from a handler (not from the progress hook).
    package func requestStop() {
        precondition(isRunning && !isReporting, "requestStop() is for event handlers during a run")
        stopRequested = true
    }

    /// Sets the clock, hands the event over, and reports progress when due.
    @inline(__always)
    private func dispatch<Failure: Error>(
        _ next: ScheduledEvent<Event>,
        to handler: (Event) throws(Failure) -> Void
    ) throws(Failure) {
        now = next.key.time
        eventsProcessed += 1
        try handler(next.event)
        if eventsProcessed >= nextReportAtEvent || now >= nextReportAtTime { reportProgress() }
    }

    // MARK: - Progress

    /// Calls `hook` with an ``EngineProgress`` snapshot after events, at the given cadence; replaces any earlier hook.
    ///
    /// The hook runs after an event's handler has returned and sees a consistent state. It must not change the
    /// simulation: scheduling, cancelling or stopping from inside it is a precondition failure. Measuring wall-clock
    /// time in it (for a rate or an ETA) is fine, as long as the result only goes to the user.
    package func onProgress(_ cadence: ProgressCadence, _ hook: @escaping (EngineProgress) -> Void) {
        progressHook = hook
        progressCadence = cadence
        resetProgressTriggers()
    }

    /// Stops calling the progress hook.
    package func removeProgressHook() {
        progressHook = nil
        progressCadence = nil
        resetProgressTriggers()
    }

    /// The engine's progress right now, as the hook would see it.
    package var progress: EngineProgress {
        EngineProgress(now: now, slot: currentSlot, eventsProcessed: eventsProcessed, pendingCount: pendingCount)
    }

    private func reportProgress() {
        resetProgressTriggers()
        guard let hook = progressHook else { return }
        isReporting = true
        defer { isReporting = false }
        hook(progress)
    }

    private func resetProgressTriggers() {
        nextReportAtEvent = progressCadence?.everyEvents.map { eventsProcessed.addingSaturated($0) } ?? .max
        nextReportAtTime =
            progressCadence?.everySimulated.map { SimTime(micros: now.micros.addingSaturated($0.micros)) }
            ?? SimTime(micros: .max)
    }
}

extension UInt64 {
    /// `self + other`, or `UInt64.max` if that overflows.
    fileprivate func addingSaturated(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
