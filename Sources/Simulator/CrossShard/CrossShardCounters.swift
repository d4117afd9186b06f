/// What the cross-shard model did beyond delivering receipts: two-phase aborts and optimistic rollbacks.
///
/// Kept across rollbacks (a rollback restores the run's totals but not these), and written to `summary.csv` and
/// `run.json`.
struct CrossShardCounters: Sendable, Codable, Equatable {
    /// Two-phase transfers aborted and refunded to their sender.
    var aborted: UInt64 = 0
    /// Source blocks reverted (optimistic).
    var blocksReverted: UInt64 = 0
    /// Rollbacks: end-of-slot reverts that forced a replay (several blocks of one slot revert together).
    var rollbacks: UInt64 = 0
    /// Blocks executed again in wasm because their inputs changed after a revert.
    var blocksReExecuted: UInt64 = 0
    /// Gas of the block versions rollbacks threw away (each reverted block and each block replaced by a
    /// re-execution): work done for nothing. Gas executed in total is `gasUsed` (the final chain) plus this.
    var discardedGas: UInt64 = 0
    /// Witness bytes of the block versions thrown away.
    var discardedWitnessBytes: UInt64 = 0
    /// Receipt claims (deliveries) undone by rollbacks: the transfer was credited, then the credit was rolled back.
    var deliveriesRolledBack: UInt64 = 0
    /// The deepest cascade seen: 0 = only the reverted shard, 1 = shards that claimed its receipts, and so on.
    var maxCascadeDepth: UInt64 = 0
    /// Sum of the cascade depths of every rollback, for the mean.
    var cascadeDepthSum: UInt64 = 0
}
