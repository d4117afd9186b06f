/// A reference to one scheduled event, returned by `schedule`, used to cancel it or ask whether it is still pending.
///
/// A handle is a small value: the id of the queue that issued it, the record slot that holds the event, and the
/// event's sequence number. Slots are reused after an event fires or is cancelled, but sequence numbers never are, so
/// a handle to a fired or cancelled event can never reach the slot's next occupant, and a handle from another queue
/// never matches: cancelling either is a no-op.
package struct EventHandle: Hashable, Sendable, CustomStringConvertible {
    /// The issuing queue's id.
    let queueID: UInt32
    /// The index of the record that holds the event while it is pending.
    let slot: UInt32
    /// The event's sequence number in its queue (see ``EventKey/sequence``).
    package let sequence: UInt64

    init(queueID: UInt32, slot: UInt32, sequence: UInt64) {
        self.queueID = queueID
        self.slot = slot
        self.sequence = sequence
    }

    package var description: String { "event #\(sequence)" }
}
