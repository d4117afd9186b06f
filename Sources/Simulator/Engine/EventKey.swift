import Beacon

/// The position of an event in the simulation's total order.
///
/// Events run in ascending order of the key `(time, priority, sequence)`:
///
/// 1. the earlier ``time`` first;
/// 2. at the same time, the lower ``priority`` first;
/// 3. at the same time and priority, the lower ``sequence`` first, that is, in the order they were scheduled.
///
/// A queue gives every scheduled event a fresh sequence number, so no two keys of one queue are equal and the order is
/// total. That matters because `Heap` leaves the order of equal elements unspecified: with a total order, the run
/// never depends on the heap's internal layout, and the same schedule gives the same trace on every machine.
package struct EventKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored as (time, sequence, priority) rather than in comparison order: 8 + 8 + 4 bytes pack into 20, so a
    // queue entry (key + 4-byte slot index) has a 24-byte stride instead of 32, and the heap moves less memory.

    /// When the event runs.
    package let time: SimTime
    /// The order in which the event was scheduled in its queue, from 0; breaks the last ties.
    package let sequence: UInt64
    /// Orders events at the same time; lower runs first.
    package let priority: EventPriority

    /// Creates a key. Queues make keys; tests and baselines may build their own.
    package init(time: SimTime, priority: EventPriority, sequence: UInt64) {
        self.time = time
        self.sequence = sequence
        self.priority = priority
    }

    /// Whether `lhs` runs before `rhs`: compares time, then priority, then sequence.
    package static func < (lhs: EventKey, rhs: EventKey) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
        return lhs.sequence < rhs.sequence
    }

    package var description: String { "(\(time), \(priority), #\(sequence))" }
}
