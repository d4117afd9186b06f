/// An event taken from an ``EventQueue``, with the key it was ordered by.
package struct ScheduledEvent<Event> {
    /// Where the event sat in the order: its time, priority and sequence.
    package let key: EventKey
    /// The simulation's payload.
    package let event: Event

    /// Creates a scheduled event.
    package init(key: EventKey, event: Event) {
        self.key = key
        self.event = event
    }
}

extension ScheduledEvent: Sendable where Event: Sendable {}
extension ScheduledEvent: Equatable where Event: Equatable {}
