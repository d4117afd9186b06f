import Beacon

/// How far ``EventEngine/run(until:_:)`` goes.
package enum RunLimit: Hashable, Sendable {
    /// Run every event at or before this time, then set the clock to it.
    ///
    /// Like NIO's `EmbeddedEventLoop.advanceTime(to:)`: the clock ends at the limit even if the queue ran dry earlier,
    /// and a limit before the current time runs only the events due now and leaves the clock where it is.
    case time(SimTime)

    /// Run every event in this slot and the slots before it, then set the clock to the slot's last microsecond.
    ///
    /// Afterwards ``EventEngine/currentSlot`` is this slot, and the first event of the next slot is still pending.
    /// `.endOfSlot(Slot(99))` simulates slots 0 through 99.
    case endOfSlot(Slot)

    /// Run until no event is pending; the clock stays at the time of the last event.
    case queueEmpty

    /// The last time at which an event may run under this limit, or `nil` for no limit.
    func lastTime(on clock: SlotClock) -> SimTime? {
        switch self {
        case .time(let time): time
        // The next slot starts at least 1 µs later, so this never underflows.
        case .endOfSlot(let slot): SimTime(micros: clock.start(of: slot.next).micros - 1)
        case .queueEmpty: nil
        }
    }
}

/// Why ``EventEngine/run(until:_:)`` returned.
package enum RunOutcome: Hashable, Sendable {
    /// Every event up to the limit ran and the clock is at the limit; later events may be pending.
    case reachedLimit
    /// The limit was ``RunLimit/queueEmpty`` and no event is left.
    case queueEmpty
    /// A handler called ``EventEngine/requestStop()``; the clock is at that handler's event and the remaining events
    /// are pending, so a later `run` resumes exactly where this one stopped.
    case stopped
}
