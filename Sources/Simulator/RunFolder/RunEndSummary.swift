import Foundation

/// The few figures a researcher wants when a run ends, printed by `shardsim run` (or as JSON with `--json`).
///
/// Rates count only the slots this process simulated, so a resumed run's wall time is compared with its own
/// slots; totals (transactions, transfers) cover the whole run.
public struct RunEndSummary: Codable, Sendable, Equatable {
    /// The run folder.
    public var folder: String
    /// `finished` or `stopped`.
    public var status: String
    /// Slots simulated in total, and shards.
    public var slots: UInt64
    public var shards: Int
    /// User transactions included in blocks, and per second of simulated time.
    public var transactionsIncluded: UInt64
    public var transactionsPerSimulatedSecond: Double
    /// Cross-shard transfers delivered, and their mean latency on both clocks (absent when none was delivered):
    /// from the user's submission (the headline) and from the source block's inclusion, to delivery.
    public var crossShardDelivered: UInt64
    public var latencySubmissionToDeliveryMeanSeconds: Double?
    public var latencySubmissionToDeliveryMeanSlots: Double?
    public var latencyInclusionToDeliveryMeanSlots: Double?
    /// Transactions that expired unincluded (fee market only; 0 without it).
    public var transactionsExpired: UInt64
    /// ETH conservation was checked after every slot and held (a violation stops the run with an error instead).
    public var conservationHolds: Bool
    /// The total ETH conserved, in gwei.
    public var totalGwei: UInt64
    /// Wall-clock seconds this process spent running slots, and simulated seconds per wall-clock second.
    public var wallSeconds: Double
    public var simulatedPerWallSecond: Double

    /// The summary as a few aligned lines.
    public var text: String {
        let latency =
            latencySubmissionToDeliveryMeanSeconds.map { seconds in
                String(
                    format: "mean latency %.3f s (%.2f slots) from submission, %.2f slots from inclusion", seconds,
                    latencySubmissionToDeliveryMeanSlots ?? 0, latencyInclusionToDeliveryMeanSlots ?? 0)
            } ?? "none delivered"
        let lines = [
            "\(status == "finished" ? "finished" : "stopped after") \(slots) slots on \(shards) shards",
            String(
                format: "  transactions   %llu included, %.2f tx/s of simulated time", transactionsIncluded,
                transactionsPerSimulatedSecond),
            "  cross-shard    \(crossShardDelivered) delivered, \(latency)",
            "  expired        \(transactionsExpired)",
            "  conservation   " + (conservationHolds ? "holds after every slot (\(totalGwei) gwei)" : "violated"),
            String(format: "  wall time      %.1f s, %.1f× real time", wallSeconds, simulatedPerWallSecond),
        ]
        return lines.joined(separator: "\n")
    }

    /// The summary as one line of JSON (keys sorted).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension Simulation {
    /// The summary of this run after `end`, given the slots done before this process started and its wall time.
    func endSummary(_ end: SimulationEnd, folder: URL, slotsBefore: UInt64, wallSeconds: Double) -> RunEndSummary {
        let slotSeconds = Double(settings.clock.slotDuration.micros) / 1e6
        let simulatedSeconds = Double(totals.slots) * slotSeconds
        let thisProcess = Double(totals.slots - min(slotsBefore, totals.slots)) * slotSeconds
        let delivered = totals.crossShardDelivered
        func mean(_ sum: Double) -> Double? { delivered > 0 ? sum / Double(delivered) : nil }
        return RunEndSummary(
            folder: folder.path, status: end == .finished ? "finished" : "stopped", slots: totals.slots,
            shards: settings.shardCount, transactionsIncluded: totals.transactionsIncluded,
            transactionsPerSimulatedSecond: simulatedSeconds > 0
                ? Double(totals.transactionsIncluded) / simulatedSeconds : 0,
            crossShardDelivered: delivered,
            latencySubmissionToDeliveryMeanSeconds: mean(totals.latency.submissionToDeliveryMicros / 1e6),
            latencySubmissionToDeliveryMeanSlots: mean(Double(totals.latency.submissionToDeliverySlots)),
            latencyInclusionToDeliveryMeanSlots: mean(Double(totals.latency.inclusionToDeliverySlots)),
            transactionsExpired: totals.transactionsExpired, conservationHolds: true, totalGwei: genesisTotal.value,
            wallSeconds: wallSeconds, simulatedPerWallSecond: wallSeconds > 0 ? thisProcess / wallSeconds : 0)
    }
}
