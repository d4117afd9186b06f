import Foundation

/// The headline figures of `summary.csv`. Deterministic: no wall-clock figure appears here.
enum RunSummary {
    static func rows(totals: RunTotals, settings: SimulationSettings) -> [(String, String, String)] {
        let simulatedSeconds = Double(totals.slots) * settings.clock.slotDuration.seconds
        func ratio(_ a: UInt64, _ b: UInt64) -> String { b == 0 ? "" : String(format: "%.6f", Double(a) / Double(b)) }
        func mean(_ sum: Double, _ count: UInt64) -> String {
            count == 0 ? "" : String(format: "%.6f", sum / Double(count))
        }
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
            (
                "cross_shard_latency_submission_to_delivery_mean_s",
                mean(totals.latency.submissionToDeliveryMicros / 1e6, totals.crossShardDelivered), "s"
            ),
            (
                "cross_shard_latency_submission_to_delivery_mean_slots",
                ratio(totals.latency.submissionToDeliverySlots, totals.crossShardDelivered), "slots"
            ),
            (
                "cross_shard_latency_inclusion_to_delivery_mean_s",
                mean(totals.latency.inclusionToDeliveryMicros / 1e6, totals.crossShardDelivered), "s"
            ),
            (
                "cross_shard_latency_inclusion_to_delivery_mean_slots",
                ratio(totals.latency.inclusionToDeliverySlots, totals.crossShardDelivered), "slots"
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
        ] + networkRows(totals.network, blocks: totals.blocks)
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
