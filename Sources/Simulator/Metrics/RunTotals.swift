import Beacon

/// Running totals of a run, for `summary.csv` and `run.json`.
struct RunTotals: Sendable, Codable {
    var slots: UInt64 = 0
    var blocks: UInt64 = 0
    var missedSlots: UInt64 = 0
    var transactionsSubmitted: UInt64 = 0
    var transactionsIncluded: UInt64 = 0
    var transactionsApplied: UInt64 = 0
    var transactionsRejected: UInt64 = 0
    /// Times a transaction was packed by estimate and then taken out because the block's measured gas exceeded the
    /// limit (a transaction trimmed twice counts twice).
    var transactionsTrimmed: UInt64 = 0
    var crossShardSubmitted: UInt64 = 0
    var crossShardDelivered: UInt64 = 0
    var receiptsSent: UInt64 = 0
    var gasUsed: UInt64 = 0
    var witnessBytes: UInt64 = 0
    var blockBytes: UInt64 = 0
    /// Both latency clocks summed over delivered transfers.
    var latency = LatencySums()
    var executionWallMicros: UInt64 = 0
    /// Fee market totals (zero when it is off): ETH burned and paid to proposers, transactions expired.
    var feesBurnedGwei: UInt64 = 0
    var feesPaidToProposersGwei: UInt64 = 0
    var transactionsExpired: UInt64 = 0
    /// Receipt fees (zero when the fee market is off): prepaid by senders, burned and paid to proposers where the
    /// receipts were processed (also counted in the two totals above), and receipts processed underpaid.
    var receiptFeesPrepaidGwei: UInt64 = 0
    var receiptFeesBurnedGwei: UInt64 = 0
    var receiptFeesTippedGwei: UInt64 = 0
    var receiptsUnderpaid: UInt64 = 0

    /// Adds one shard-slot of the fee market.
    mutating func record(_ fees: FeeRow) {
        feesBurnedGwei += fees.burned.value + fees.receiptFeesBurned.value
        feesPaidToProposersGwei += fees.proposerRevenue.value + fees.receiptFeesTipped.value
        transactionsExpired += UInt64(fees.expired)
        receiptFeesPrepaidGwei += fees.receiptFeesPrepaid.value
        receiptFeesBurnedGwei += fees.receiptFeesBurned.value
        receiptFeesTippedGwei += fees.receiptFeesTipped.value
        receiptsUnderpaid += UInt64(fees.receiptsUnderpaid)
    }

    /// The network's totals; `nil` when the scenario has no network (and in checkpoints written before it existed).
    var network: NetworkCounters?

    /// What the cross-shard model did beyond delivering (aborts, rollbacks); survives rollbacks.
    var crossShard = CrossShardCounters()

    /// The measured transfers (submitted after the warm-up) and the drain.
    var measured = MeasuredTransfers()
}

/// Sums of both latency clocks over delivered transfers (see ``TransferLatency``), for the means in `summary.csv`.
///
/// Times are summed in floating point: a few latencies of a run whose slots are millennia long exceed 2⁶⁴ µs; below
/// 2⁵³ µs (285 years) the sum is exact.
struct LatencySums: Sendable, Codable {
    var submissionToDeliverySlots: UInt64 = 0
    var submissionToDeliveryMicros: Double = 0
    var inclusionToDeliverySlots: UInt64 = 0
    var inclusionToDeliveryMicros: Double = 0

    /// Adds one delivered transfer.
    mutating func add(_ latency: TransferLatency) {
        submissionToDeliverySlots += latency.submissionToDeliverySlots
        submissionToDeliveryMicros += Double(latency.submissionToDeliveryMicros)
        inclusionToDeliverySlots += latency.inclusionToDeliverySlots ?? 0
        inclusionToDeliveryMicros += Double(latency.inclusionToDeliveryMicros ?? 0)
    }
}

/// What the network did over a run (see `network.csv`).
struct NetworkCounters: Sendable, Codable {
    /// Blocks discarded because fewer than 2/3 of their committee had them by the attestation deadline.
    var orphanedBlocks: UInt64 = 0
    /// Block messages delivered by gossip (shard and beacon blocks, duplicates included).
    var messages: UInt64 = 0
    /// Sum and count of the times from publication to 2/3 of the committee, over blocks that reached 2/3.
    var quorumMicrosSum: Double = 0
    var quorumCount: UInt64 = 0
    /// Sum of the bytes of blocks that were published (crosslinked, orphaned or failed).
    var publishedBlockBytes: UInt64 = 0
}
