import Foundation
import RunFormat

/// The headline figures of `summary.csv`, each a declared ``SummaryMetric`` (name, unit, meaning) with its value.
/// Deterministic: no wall-clock figure appears here.
enum RunSummary {
    static func rows(totals: RunTotals, settings: SimulationSettings) -> [(SummaryMetric, String)] {
        let simulatedSeconds = Double(totals.slots) * settings.clock.slotDuration.seconds
        func ratio(_ a: UInt64, _ b: UInt64) -> String { b == 0 ? "" : String(format: "%.6f", Double(a) / Double(b)) }
        func mean(_ sum: Double, _ count: UInt64) -> String {
            count == 0 ? "" : String(format: "%.6f", sum / Double(count))
        }
        return [
            (.slots, "\(totals.slots)"),
            (.shards, "\(settings.shardCount)"),
            (.simulatedTime, String(format: "%.3f", simulatedSeconds)),
            (.blocks, "\(totals.blocks)"),
            (.missedSlots, "\(totals.missedSlots)"),
            (.transactionsSubmitted, "\(totals.transactionsSubmitted)"),
            (.transactionsIncluded, "\(totals.transactionsIncluded)"),
            (.transactionsApplied, "\(totals.transactionsApplied)"),
            (.transactionsRejected, "\(totals.transactionsRejected)"),
            (.transactionsTrimmed, "\(totals.transactionsTrimmed)"),
            (
                .throughput,
                simulatedSeconds > 0
                    ? String(format: "%.3f", Double(totals.transactionsApplied) / simulatedSeconds) : ""
            ),
            (.crossShardSubmitted, "\(totals.crossShardSubmitted)"),
            (.crossShardDelivered, "\(totals.crossShardDelivered)"),
            (
                .latencySubmissionToDeliveryMeanSeconds,
                mean(totals.latency.submissionToDeliveryMicros / 1e6, totals.crossShardDelivered)
            ),
            (
                .latencySubmissionToDeliveryMeanSlots,
                ratio(totals.latency.submissionToDeliverySlots, totals.crossShardDelivered)
            ),
            (
                .latencyInclusionToDeliveryMeanSeconds,
                mean(totals.latency.inclusionToDeliveryMicros / 1e6, totals.crossShardDelivered)
            ),
            (
                .latencyInclusionToDeliveryMeanSlots,
                ratio(totals.latency.inclusionToDeliverySlots, totals.crossShardDelivered)
            ),
            (.gasUsed, "\(totals.gasUsed)"),
            (.gasPerBlock, ratio(totals.gasUsed, totals.blocks)),
            (.witnessBytes, "\(totals.witnessBytes)"),
            (.witnessBytesPerTransaction, ratio(totals.witnessBytes, totals.transactionsIncluded)),
            (.blockBytes, "\(totals.blockBytes)"),
            (.feesBurned, "\(totals.feesBurnedGwei)"),
            (.feesPaidToProposers, "\(totals.feesPaidToProposersGwei)"),
            (.transactionsExpired, "\(totals.transactionsExpired)"),
            (.receiptFeesPrepaid, "\(totals.receiptFeesPrepaidGwei)"),
            (.receiptFeesBurned, "\(totals.receiptFeesBurnedGwei)"),
            (.receiptFeesTipped, "\(totals.receiptFeesTippedGwei)"),
            (.receiptsUnderpaid, "\(totals.receiptsUnderpaid)"),
            (.crossShardAborted, "\(totals.crossShard.aborted)"),
            (.blocksReverted, "\(totals.crossShard.blocksReverted)"),
            (.rollbacks, "\(totals.crossShard.rollbacks)"),
            (.blocksReexecuted, "\(totals.crossShard.blocksReExecuted)"),
            (.discardedGas, "\(totals.crossShard.discardedGas)"),
            (.discardedWitnessBytes, "\(totals.crossShard.discardedWitnessBytes)"),
            (.deliveriesRolledBack, "\(totals.crossShard.deliveriesRolledBack)"),
            (.maxCascadeDepth, "\(totals.crossShard.maxCascadeDepth)"),
        ]
            + MeasurementSummary.rows(
                totals, window: settings.measurement, slotSeconds: settings.clock.slotDuration.seconds)
            + [(.ethConserved, "1")] + modelRows(totals, rules: settings.crossShardRules)
            + networkRows(totals.network, blocks: totals.blocks)
    }

    /// The cross-shard model's own figures, only under the model that produces them (so runs under the other
    /// models keep their summary): two-phase commit's locks, the optimistic model's orphaned blocks.
    static func modelRows(_ totals: RunTotals, rules: CrossShardRules) -> [(SummaryMetric, String)] {
        let counters = totals.crossShard
        switch rules {
        case .twoPhase:
            // Rates are over the transfers two-phase commit ended: delivered or aborted.
            let ended = totals.crossShardDelivered + counters.aborted
            func rate(_ count: UInt64) -> String {
                ended == 0 ? "" : String(format: "%.6f", Double(count) / Double(ended))
            }
            return [
                (.twoPhaseAbortedNoVote, "\(counters.abortedNoVote)"),
                (.twoPhaseAbortedLockConflict, "\(counters.abortedLockConflict)"),
                (.twoPhaseAbortedLockTimeout, "\(counters.abortedLockTimeout)"),
                (.twoPhaseAbortRate, rate(counters.aborted)),
                (.lockMet, "\(counters.transfersThatMetALock)"),
                (.lockMetRate, rate(counters.transfersThatMetALock)),
                (.lockWaited, "\(counters.transfersThatWaited)"),
                (.lockWaitRate, rate(counters.transfersThatWaited)),
                (.lockWaitSlotsMean, rate(counters.lockWaitSlots)),
                (.onShardLockWaits, "\(counters.onShardLockWaits)"),
                (.onShardLockAborted, "\(counters.onShardLockAborted)"),
            ]
        case .optimistic:
            return [(.blocksOrphaned, "\(counters.blocksOrphaned)")]
        case .oneSlot, .finalityWait:
            return []
        }
    }

    /// The network's figures, only when the scenario has a network (so runs without one keep their summary).
    private static func networkRows(_ network: NetworkCounters?, blocks: UInt64) -> [(SummaryMetric, String)] {
        guard let network else { return [] }
        let published = blocks + network.orphanedBlocks
        return [
            (.orphanedBlocks, "\(network.orphanedBlocks)"),
            (
                .orphanRate,
                published == 0 ? "" : String(format: "%.6f", Double(network.orphanedBlocks) / Double(published))
            ),
            (
                .propagationTwoThirdsMean,
                network.quorumCount == 0
                    ? "" : String(format: "%.6f", network.quorumMicrosSum / Double(network.quorumCount) / 1e6)
            ),
            (
                .publishedBlockBytesMean,
                published == 0 ? "" : String(format: "%.1f", Double(network.publishedBlockBytes) / Double(published))
            ),
            (.networkMessages, "\(network.messages)"),
        ]
    }
}
