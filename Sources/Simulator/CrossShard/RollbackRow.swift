import Beacon

/// One row of `rollbacks.csv`: one optimistic rollback.
struct RollbackRow: Sendable {
    /// The slot at whose end the revert was decided, and the slot of the reverted blocks.
    var decidedSlot: Slot
    var revertedSlot: Slot
    /// The shards whose block of `revertedSlot` was reverted.
    var revertedShards: [Int]
    /// Shards with at least one block produced again, and shards in the cascade (the reverted ones included).
    var shardsReexecuted: Int
    var shardsAffected: Int
    /// 0: only the reverted shards; n: receipts carried the change n hops.
    var cascadeDepth: UInt64
    /// Receipt claims of the replayed slots that the replay did not redo.
    var deliveriesUndone: Int
}

/// `rollbacks.csv`, column by column: name, unit, meaning and value, in file order.
extension RollbackRow {
    static let fields: [CSVField<RollbackRow>] = [
        CSVField("decided_slot", "slot", "the slot at whose end the revert was decided (reverted slot + finality)") {
            "\($0.decidedSlot.number)"
        },
        CSVField("reverted_slot", "slot", "the slot of the reverted blocks") { "\($0.revertedSlot.number)" },
        CSVField("reverted_shards", "shard ids", "the shards whose block of that slot was reverted, space-separated") {
            $0.revertedShards.sorted().map { "\($0)" }.joined(separator: " ")
        },
        CSVField("shards_reexecuted", "count", "shards with at least one block produced again") {
            "\($0.shardsReexecuted)"
        },
        CSVField("shards_affected", "count", "shards in the cascade, the reverted ones included") {
            "\($0.shardsAffected)"
        },
        CSVField("cascade_depth", "hops", "0: only the reverted shards; n: receipts carried the change n hops") {
            "\($0.cascadeDepth)"
        },
        CSVField("deliveries_undone", "count", "receipt claims of the replayed slots that the replay did not redo") {
            "\($0.deliveriesUndone)"
        },
    ]
}
