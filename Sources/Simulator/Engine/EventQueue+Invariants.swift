extension EventQueue {
    /// Checks the queue's internal bookkeeping and stops the process if it is inconsistent.
    ///
    /// O(n): meant for tests and for debugging a simulation, not for every event. It checks that every pending event
    /// has exactly one live heap entry, that vacant records are exactly the free list, and that the counts of pending
    /// and stale entries add up to the heap's size.
    package func checkInvariants() {
        var liveEntriesPerSlot = [Int](repeating: 0, count: records.count)
        var stale = 0
        for entry in heap.unordered {
            precondition(Int(entry.slot) < records.count, "heap entry points past the record table")
            precondition(entry.key.sequence < nextSequence, "heap entry has a sequence the queue never issued")
            if records[Int(entry.slot)].sequence == entry.key.sequence {
                liveEntriesPerSlot[Int(entry.slot)] += 1
            } else {
                stale += 1
            }
        }
        precondition(stale == staleCount, "stale entries: counted \(staleCount), found \(stale)")

        var pending = 0
        var vacant = Set<UInt32>()
        for (slot, record) in records.enumerated() {
            if record.sequence == Record.vacant {
                precondition(record.event == nil, "vacant record \(slot) still holds a payload")
                vacant.insert(UInt32(slot))
            } else {
                precondition(record.event != nil, "pending record \(slot) has no payload")
                precondition(
                    liveEntriesPerSlot[slot] == 1,
                    "pending record \(slot) has \(liveEntriesPerSlot[slot]) entries"
                )
                pending += 1
            }
        }
        precondition(pending == count, "pending events: counted \(count), found \(pending)")
        precondition(
            vacant.count == freeSlots.count && vacant == Set(freeSlots),
            "free list differs from vacant records"
        )
    }
}
