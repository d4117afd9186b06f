import RunFormat

/// What the cross-shard model did beyond delivering receipts: two-phase aborts and optimistic rollbacks.
///
/// Kept across rollbacks (a rollback restores the run's totals but not these), and written to `summary.csv` and
/// `run.json`.
struct CrossShardCounters: Sendable, Codable, Equatable {
    /// Two-phase transfers aborted (refunded to their sender, or aborted by a lock before inclusion), for any
    /// reason; the three counts below split it by reason.
    var aborted: UInt64 = 0
    /// Two-phase transfers aborted because the destination produced no block to vote with.
    var abortedNoVote: UInt64 = 0
    /// Two-phase transfers aborted by the wait-die rule (a younger transfer met a lock held by an older one).
    var abortedLockConflict: UInt64 = 0
    /// Two-phase transfers aborted after waiting the whole lock timeout.
    var abortedLockTimeout: UInt64 = 0
    /// Two-phase transfers ended (delivered or aborted) that a lock held back for at least one block.
    var transfersThatWaited: UInt64 = 0
    /// Two-phase transfers ended (delivered or aborted) that met a lock at least once: they waited, or the
    /// conflict rule aborted them.
    var transfersThatMetALock: UInt64 = 0
    /// Blocks that held back the two-phase transfers ended so far, summed over them.
    var lockWaitSlots: UInt64 = 0
    /// Blocks that held back an on-shard transaction (sender or recipient locked), summed over the transactions.
    var onShardLockWaits: UInt64 = 0
    /// On-shard transactions the conflict rule aborted.
    var onShardLockAborted: UInt64 = 0
    /// Blocks orphaned at finality (optimistic model, `crossShard.orphanRate`); each is also in `blocksReverted`.
    var blocksOrphaned: UInt64 = 0
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

extension CrossShardCounters {
    /// Counts a transfer that ended (delivered or aborted): its abort reason and the blocks it waited for locks.
    mutating func recordEnd(of record: TransferRecord) {
        var metALock = record.lockWaitSlots > 0
        if case .aborted(let reason) = record.outcome {
            aborted += 1
            metALock = metALock || reason != .noVote
            switch reason {
            case .noVote: abortedNoVote += 1
            case .lockConflict: abortedLockConflict += 1
            case .lockTimeout: abortedLockTimeout += 1
            }
        }
        if metALock { transfersThatMetALock += 1 }
        if record.lockWaitSlots > 0 {
            transfersThatWaited += 1
            lockWaitSlots += record.lockWaitSlots
        }
    }
}
