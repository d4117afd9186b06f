import Foundation

/// The headline figures of `summary.csv`. Deterministic: no wall-clock figure appears here.
enum RunSummary {
    static func rows(totals: RunTotals, settings: SimulationSettings) -> [(String, String, String)] {
        let simulatedSeconds = Double(totals.slots) * settings.clock.slotDuration.seconds
        func ratio(_ a: UInt64, _ b: UInt64) -> String { b == 0 ? "" : String(format: "%.6f", Double(a) / Double(b)) }
        return [
            ("slots", "\(totals.slots)", "slots"),
            ("shards", "\(settings.shardCount)", "shards"),
            ("simulated_time", String(format: "%.3f", simulatedSeconds), "s"),
            ("blocks", "\(totals.blocks)", "blocks"),
            ("missed_slots", "\(totals.missedSlots)", "shard-slots"),
            ("transactions_submitted", "\(totals.transactionsSubmitted)", "transactions"),
            ("transactions_included", "\(totals.transactionsIncluded)", "transactions"),
            ("transactions_applied", "\(totals.transactionsApplied)", "transactions"),
            ("transactions_rejected", "\(totals.transactionsRejected)", "transactions"),
            ("transactions_trimmed", "\(totals.transactionsTrimmed)", "transactions"),
            (
                "throughput",
                simulatedSeconds > 0
                    ? String(format: "%.3f", Double(totals.transactionsApplied) / simulatedSeconds) : "",
                "transactions/s"
            ),
            ("cross_shard_submitted", "\(totals.crossShardSubmitted)", "transfers"),
            ("cross_shard_delivered", "\(totals.crossShardDelivered)", "transfers"),
            ("cross_shard_latency_mean_slots", ratio(totals.latencySlotsSum, totals.crossShardDelivered), "slots"),
            (
                "cross_shard_latency_mean",
                totals.crossShardDelivered == 0
                    ? ""
                    : String(
                        format: "%.6f", Double(totals.latencyMicrosSum) / Double(totals.crossShardDelivered) / 1e6),
                "s"
            ),
            ("gas_used", "\(totals.gasUsed)", "gas"),
            ("gas_per_block", ratio(totals.gasUsed, totals.blocks), "gas"),
            ("witness_bytes", "\(totals.witnessBytes)", "bytes"),
            ("witness_bytes_per_transaction", ratio(totals.witnessBytes, totals.transactionsIncluded), "bytes"),
            ("block_bytes", "\(totals.blockBytes)", "bytes"),
            ("fees_burned", "\(totals.feesBurnedGwei)", "gwei"),
            ("fees_paid_to_proposers", "\(totals.feesPaidToProposersGwei)", "gwei"),
            ("transactions_expired", "\(totals.transactionsExpired)", "transactions"),
            ("cross_shard_aborted", "\(totals.crossShard.aborted)", "transfers"),
            ("blocks_reverted", "\(totals.crossShard.blocksReverted)", "blocks"),
            ("rollbacks", "\(totals.crossShard.rollbacks)", "rollbacks"),
            ("blocks_reexecuted", "\(totals.crossShard.blocksReExecuted)", "blocks"),
            ("discarded_gas", "\(totals.crossShard.discardedGas)", "gas"),
            ("discarded_witness_bytes", "\(totals.crossShard.discardedWitnessBytes)", "bytes"),
            ("deliveries_rolled_back", "\(totals.crossShard.deliveriesRolledBack)", "transfers"),
            ("max_cascade_depth", "\(totals.crossShard.maxCascadeDepth)", "hops"),
            ("eth_conserved", "1", "0/1"),
        ] + modelRows(totals, rules: settings.crossShardRules) + networkRows(totals.network, blocks: totals.blocks)
    }

    /// The cross-shard model's own figures, only under the model that produces them (so runs under the other
    /// models keep their summary): two-phase commit's locks, the optimistic model's orphaned blocks.
    static func modelRows(_ totals: RunTotals, rules: CrossShardRules) -> [(String, String, String)] {
        let counters = totals.crossShard
        switch rules {
        case .twoPhase:
            // Rates are over the transfers two-phase commit ended: delivered or aborted.
            let ended = totals.crossShardDelivered + counters.aborted
            func rate(_ count: UInt64) -> String {
                ended == 0 ? "" : String(format: "%.6f", Double(count) / Double(ended))
            }
            return [
                ("two_phase_aborted_no_vote", "\(counters.abortedNoVote)", "transfers"),
                ("two_phase_aborted_lock_conflict", "\(counters.abortedLockConflict)", "transfers"),
                ("two_phase_aborted_lock_timeout", "\(counters.abortedLockTimeout)", "transfers"),
                ("two_phase_abort_rate", rate(counters.aborted), "fraction of ended transfers"),
                ("lock_met", "\(counters.transfersThatMetALock)", "transfers"),
                ("lock_met_rate", rate(counters.transfersThatMetALock), "fraction of ended transfers"),
                ("lock_waited", "\(counters.transfersThatWaited)", "transfers"),
                ("lock_wait_rate", rate(counters.transfersThatWaited), "fraction of ended transfers"),
                ("lock_wait_slots_mean", rate(counters.lockWaitSlots), "slots per ended transfer"),
                ("on_shard_lock_waits", "\(counters.onShardLockWaits)", "transaction-slots"),
                ("on_shard_lock_aborted", "\(counters.onShardLockAborted)", "transactions"),
            ]
        case .optimistic:
            return [("blocks_orphaned", "\(counters.blocksOrphaned)", "blocks")]
        case .oneSlot, .finalityWait:
            return []
        }
    }

    /// The network's figures, only when the scenario has a network (so runs without one keep their summary).
    private static func networkRows(_ network: NetworkCounters?, blocks: UInt64) -> [(String, String, String)] {
        guard let network else { return [] }
        let published = blocks + network.orphanedBlocks
        return [
            ("orphaned_blocks", "\(network.orphanedBlocks)", "blocks"),
            (
                "orphan_rate",
                published == 0 ? "" : String(format: "%.6f", Double(network.orphanedBlocks) / Double(published)),
                "fraction of published blocks"
            ),
            (
                "propagation_two_thirds_mean",
                network.quorumCount == 0
                    ? "" : String(format: "%.6f", network.quorumMicrosSum / Double(network.quorumCount) / 1e6),
                "s"
            ),
            (
                "published_block_bytes_mean",
                published == 0 ? "" : String(format: "%.1f", Double(network.publishedBlockBytes) / Double(published)),
                "bytes"
            ),
            ("network_messages", "\(network.messages)", "messages"),
        ]
    }
}
