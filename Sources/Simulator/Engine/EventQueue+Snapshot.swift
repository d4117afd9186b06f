extension EventQueue {
    /// The pending (live) events sorted by sequence, i.e. in the order they were scheduled.
    ///
    /// - Complexity: O(n log n) in the number of heap entries.
    var pendingInSequenceOrder: [ScheduledEvent<Event>] {
        heap.unordered
            .filter { records[Int($0.slot)].sequence == $0.key.sequence }
            .sorted { $0.key.sequence < $1.key.sequence }
            .compactMap { entry in records[Int(entry.slot)].event.map { ScheduledEvent(key: entry.key, event: $0) } }
    }
}
