import Beacon

/// What the optimistic model remembers of one recent slot: every shard's state just before and just after its
/// block, the blocks' outcomes, and the run's bookkeeping before the slot. A rollback restores the bookkeeping of
/// the reverted block's slot and replays the slots since, re-executing only the shards whose inputs changed.
struct SlotCheckpoint: Sendable, Codable {
    let slot: Slot
    /// Every shard just before its block of `slot` (arrivals of the slot included).
    var before: [ShardState]
    /// Every shard just after its block, before receipts of the slot were routed into inboxes.
    var after: [ShardState] = []
    /// The blocks of `slot`, in shard order.
    var outcomes: [ShardSlotOutcome] = []
    /// Transactions with an id at or above this one arrived after the blocks of `slot`.
    let nextTransactionID: UInt64
    /// The run's bookkeeping before `slot`.
    var bookkeeping: RunBookkeeping
}

/// The checkpoints of the slots that can still be reverted, oldest first.
struct SlotHistory: Sendable, Codable {
    /// How many slots back a block can be reverted; older checkpoints are dropped.
    let depth: UInt64
    private(set) var checkpoints: [SlotCheckpoint] = []

    init(depth: UInt64) { self.depth = depth }

    /// Starts the checkpoint of `checkpoint.slot`, dropping those no longer needed.
    mutating func begin(_ checkpoint: SlotCheckpoint) {
        checkpoints.removeAll { $0.slot.number + depth < checkpoint.slot.number }
        checkpoints.append(checkpoint)
    }

    /// The index of `slot`'s checkpoint, if it is still kept.
    func index(of slot: Slot) -> Int? { checkpoints.firstIndex { $0.slot == slot } }

    subscript(index: Int) -> SlotCheckpoint {
        get { checkpoints[index] }
        set { checkpoints[index] = newValue }
    }

    /// Records the blocks of `slot` and the shards' states after them.
    mutating func finish(_ slot: Slot, outcomes: [ShardSlotOutcome], after: [ShardState]) {
        guard let index = index(of: slot) else { return }
        checkpoints[index].outcomes = outcomes
        checkpoints[index].after = after
    }
}
