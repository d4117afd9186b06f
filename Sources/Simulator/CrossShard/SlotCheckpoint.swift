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
    var bookkeeping: Bookkeeping

    /// The parts of the simulation a rollback restores besides the shards.
    struct Bookkeeping: Sendable, Codable {
        var totals: RunTotals
        var openTransfers: [UInt64: TransferRecord]
        var receiptTransactions: [Receipt.ID: UInt64]
        var crosslinks: [Crosslink?]
        var router: ReceiptRouter

        init(
            totals: RunTotals, openTransfers: [UInt64: TransferRecord], receiptTransactions: [Receipt.ID: UInt64],
            crosslinks: [Crosslink?], router: ReceiptRouter
        ) {
            self.totals = totals
            self.openTransfers = openTransfers
            self.receiptTransactions = receiptTransactions
            self.crosslinks = crosslinks
            self.router = router
        }

        // The dictionaries are stored as lists sorted by key, so the same bookkeeping is always the same bytes.
        private enum CodingKeys: String, CodingKey {
            case totals, openTransfers, receiptTransactions, crosslinks, router
        }
        private struct ReceiptTransaction: Codable {
            var receipt: Receipt.ID
            var transaction: UInt64
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            totals = try container.decode(RunTotals.self, forKey: .totals)
            let transfers = try container.decode([TransferRecord].self, forKey: .openTransfers)
            openTransfers = Dictionary(
                transfers.map { ($0.transaction.id, $0) }, uniquingKeysWith: { first, _ in first })
            let pairs = try container.decode([ReceiptTransaction].self, forKey: .receiptTransactions)
            receiptTransactions = Dictionary(
                pairs.map { ($0.receipt, $0.transaction) }, uniquingKeysWith: { first, _ in first })
            crosslinks = try container.decode([Crosslink?].self, forKey: .crosslinks)
            router = try container.decode(ReceiptRouter.self, forKey: .router)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(totals, forKey: .totals)
            try container.encode(openTransfers.keys.sorted().map { openTransfers[$0]! }, forKey: .openTransfers)
            try container.encode(
                receiptTransactions.keys.sorted().map {
                    ReceiptTransaction(receipt: $0, transaction: receiptTransactions[$0]!)
                },
                forKey: .receiptTransactions)
            try container.encode(crosslinks, forKey: .crosslinks)
            try container.encode(router, forKey: .router)
        }
    }
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
