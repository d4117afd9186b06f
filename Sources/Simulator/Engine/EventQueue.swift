import Beacon
import HeapModule
import Synchronization

/// A priority queue of simulation events, ordered by ``EventKey`` `(time, priority, sequence)`, with cancellation.
///
/// The queue knows nothing of "now": it accepts any time, and ``EventEngine`` is what forbids scheduling in the past.
/// `Event` is the simulation's own payload, typically an enum; the queue never looks inside it.
///
/// ```swift
/// var queue = EventQueue<String>()
/// let late = queue.schedule("b", at: SimTime(micros: 20))
/// queue.schedule("a", at: SimTime(micros: 10))
/// queue.cancel(late)
/// queue.popNext()?.event   // "a"
/// queue.popNext()          // nil: "b" was cancelled
/// ```
///
/// How it works: payloads live in a table of records, one per pending event, reused through a free list; the
/// `Heap` holds only 24-byte entries (key and record index), so sifting never copies payloads, whatever their size.
/// Cancelling frees the record at once and leaves the heap entry behind; an entry whose sequence no longer matches
/// its record is stale and is skipped when it reaches the top. When stale entries outnumber live ones the heap is
/// rebuilt without them, so memory stays within twice the pending count.
///
/// - Complexity: ``schedule(_:at:priority:)`` and ``popNext()`` are O(log n) in the number of heap entries;
///   ``cancel(_:)`` is O(1) amortized (the occasional rebuild is O(n), after at least n/2 cancellations).
package struct EventQueue<Event> {
    /// One heap entry: the event's key and the index of the record holding its payload.
    struct Entry: Comparable {
        let key: EventKey
        let slot: UInt32

        static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.key < rhs.key }
        // Keys are unique within a queue, so comparing keys alone is a consistent equality.
        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.key == rhs.key }
    }

    /// The payload of a pending event, or a vacant record waiting in `freeSlots`.
    struct Record {
        /// The sequence of the event held here, or ``vacant``.
        var sequence: UInt64
        var event: Event?

        /// Marks a vacant record. Sequences count up from 0 and never reach it.
        static var vacant: UInt64 { .max }
    }

    /// Tells this queue's handles from other queues'; unique among the queues of a process (see `nextQueueID`).
    let queueID: UInt32
    var heap: Heap<Entry>
    var records: [Record] = []
    var freeSlots: [UInt32] = []
    var nextSequence: UInt64 = 0
    /// Heap entries whose event was cancelled; they are dropped when they reach the top or at a rebuild.
    var staleCount = 0

    /// The number of pending events (scheduled, not yet popped, not cancelled).
    package private(set) var count = 0

    /// Whether no event is pending.
    package var isEmpty: Bool { count == 0 }

    /// Creates an empty queue, with room for `minimumCapacity` pending events without reallocating.
    package init(minimumCapacity: Int = 0) {
        queueID = nextQueueID.wrappingAdd(1, ordering: .relaxed).oldValue
        heap = Heap(minimumCapacity: minimumCapacity)
        records.reserveCapacity(minimumCapacity)
    }

    /// Adds `event` at `time`; among events at the same time and priority it comes after all those already queued.
    ///
    /// - Returns: A handle for ``cancel(_:)`` and ``isPending(_:)``.
    /// - Complexity: O(log n).
    @discardableResult
    package mutating func schedule(_ event: Event, at time: SimTime, priority: EventPriority = .normal) -> EventHandle {
        let sequence = nextSequence
        nextSequence += 1
        let slot: UInt32
        if let reused = freeSlots.popLast() {
            slot = reused
            records[Int(slot)] = Record(sequence: sequence, event: event)
        } else {
            precondition(records.count < Int(UInt32.max), "more than 2³² − 1 events pending at once")
            slot = UInt32(records.count)
            records.append(Record(sequence: sequence, event: event))
        }
        heap.insert(Entry(key: EventKey(time: time, priority: priority, sequence: sequence), slot: slot))
        count += 1
        return EventHandle(queueID: queueID, slot: slot, sequence: sequence)
    }

    /// Whether the event behind `handle` is still waiting to be popped: false once popped or cancelled.
    package func isPending(_ handle: EventHandle) -> Bool {
        handle.queueID == queueID && Int(handle.slot) < records.count
            && records[Int(handle.slot)].sequence == handle.sequence
    }

    /// Cancels a pending event so that it is never popped.
    ///
    /// Cancelling an event that was already popped, already cancelled, or that this queue never issued does nothing.
    ///
    /// - Returns: Whether a pending event was cancelled.
    /// - Complexity: O(1) amortized.
    @discardableResult
    package mutating func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        vacate(Int(handle.slot))
        staleCount += 1
        // Rebuilding after at least `count` cancellations keeps the cost amortized O(1); the floor avoids rebuilding
        // tiny heaps over and over.
        if staleCount > 64 && staleCount > count { dropStaleEntries() }
        return true
    }

    /// The key of the next event to pop, or `nil` when no event is pending.
    ///
    /// Mutating because it discards cancelled entries that have reached the top of the heap.
    package mutating func nextKey() -> EventKey? {
        discardStaleTop()
        return heap.min?.key
    }

    /// Removes and returns the earliest pending event, or `nil` when none is pending.
    ///
    /// - Complexity: O(log n), plus O(log n) for each cancelled entry skipped on the way.
    package mutating func popNext() -> ScheduledEvent<Event>? {
        popNext(notAfter: SimTime(micros: .max))
    }

    /// Removes and returns the earliest pending event if its time is at or before `limit`; otherwise leaves the
    /// queue as it is (apart from discarding cancelled entries) and returns `nil`.
    package mutating func popNext(notAfter limit: SimTime) -> ScheduledEvent<Event>? {
        discardStaleTop()
        guard let top = heap.min, top.key.time <= limit else { return nil }
        heap.removeMin()
        let slot = Int(top.slot)
        // The record is live: discardStaleTop() just checked it.
        let event = records[slot].event.unsafelyUnwrapped
        vacate(slot)
        return ScheduledEvent(key: top.key, event: event)
    }

    /// Removes every pending event; sequence numbers keep counting, so old handles stay dead.
    package mutating func removeAll() {
        heap = Heap()
        records.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        staleCount = 0
        count = 0
    }

    // MARK: - Records and stale entries

    private func isLive(_ entry: Entry) -> Bool {
        records[Int(entry.slot)].sequence == entry.key.sequence
    }

    /// Releases a record (and the payload it held) for reuse.
    private mutating func vacate(_ slot: Int) {
        records[slot] = Record(sequence: Record.vacant, event: nil)
        freeSlots.append(UInt32(slot))
        count -= 1
    }

    private mutating func discardStaleTop() {
        while let top = heap.min, !isLive(top) {
            heap.removeMin()
            staleCount -= 1
        }
    }

    /// Rebuilds the heap from its live entries.
    ///
    /// The rebuilt heap has a different internal layout, which is harmless: pop order depends only on the keys,
    /// which are all distinct.
    private mutating func dropStaleEntries() {
        let live = heap.unordered.filter(isLive)
        heap = Heap(live)
        staleCount = 0
    }
}

/// The id of the next queue created. Ids only keep one queue's handles from matching another queue's events; they
/// never influence the order of events or any output, so it does not matter which queue gets which id.
private let nextQueueID = Atomic<UInt32>(0)

extension EventQueue: Sendable where Event: Sendable {}
extension EventQueue.Record: Sendable where Event: Sendable {}
