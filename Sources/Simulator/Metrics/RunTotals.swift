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
    var crossShardSubmitted: UInt64 = 0
    var crossShardDelivered: UInt64 = 0
    var receiptsSent: UInt64 = 0
    var gasUsed: UInt64 = 0
    var witnessBytes: UInt64 = 0
    var blockBytes: UInt64 = 0
    var latencySlotsSum: UInt64 = 0
    var latencyMicrosSum: UInt64 = 0
    var executionWallMicros: UInt64 = 0
    /// What the cross-shard model did beyond delivering (aborts, rollbacks); survives rollbacks.
    var crossShard = CrossShardCounters()
}
