import Beacon

/// The run's record of what happened so far, besides the shards: totals, open transfers, which transaction each
/// receipt in flight carries, the beacon chain's latest crosslinks and the cross-shard model's held receipts.
///
/// A checkpoint stores it, and the optimistic model keeps one per rewritable slot, which a rollback restores.
struct RunBookkeeping: Sendable {
    var totals: RunTotals
    /// Cross-shard transfers not yet ended, by transaction id.
    var openTransfers: [UInt64: TransferRecord]
    /// Which transaction each receipt in flight carries.
    var receiptTransactions: [Receipt.ID: UInt64]
    /// The latest crosslink of each shard (`nil` before a shard's first block).
    var crosslinks: [Crosslink?]
    /// The cross-shard model's receipts held back from inboxes, and the refunds issued so far.
    var router: ReceiptRouter
}

extension RunBookkeeping: Codable {
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
        openTransfers = Dictionary(transfers.map { ($0.transaction.id, $0) }, uniquingKeysWith: { first, _ in first })
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
