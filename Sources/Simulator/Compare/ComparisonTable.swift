import Foundation
import Scenarios

/// `comparison.md`: the summary table of a model comparison, also printed by `shardsim compare`.
package enum ComparisonTable {
    /// The Markdown page: a title, the scenario, one table row per model and seed, and what the columns mean.
    package static func markdown(_ rows: [ComparisonRow], scenario: Scenario) -> String {
        var text = "# Cross-shard models compared: \(scenario.name)\n\n"
        text += "\(scenario.shards.count) shards, \(scenario.slotCount) slots, "
        text += "finality delay \(scenario.crossShard.finalityDelay), "
        text += "revert probability \(scenario.crossShard.revertProbability) (optimistic), "
        text += "proposer offline rate \(scenario.beacon.proposerOfflineRate).\n\n"
        text += table(rows) + "\n"
        text += """
            Latency: from the user's submission to the destination block that credited the transfer, in seconds \
            (the headline), and from the source block that included it to that block, in slots (the cross-shard \
            model's own delay); nearest-rank percentiles over delivered transfers. Throughput: user \
            transactions applied per simulated second. Failed: rejected, expired or aborted transfers. Rolled back: \
            deliveries undone by optimistic rollbacks. In flight: ETH in receipts (inboxes and held) at the end of \
            each slot. Gas and witness bytes: executed in total (discarded block versions included) per delivered \
            transfer; extra: minus the one-slot run of the same seed. See Documentation/CrossShardModels.md.

            """
        return text
    }

    /// The table alone, as printed on the terminal.
    package static func table(_ rows: [ComparisonRow]) -> String {
        let header = [
            "model", "seed", "delivered", "submission→delivery p50/p95/p99 s",
            "inclusion→delivery p50/p95/p99 slots", "tx/s", "failed", "rolled back",
            "in flight mean (ETH)", "gas/transfer", "extra gas", "witness B/transfer", "extra witness B",
        ]
        func f(_ value: Double?, _ digits: Int) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        var text = "| " + header.joined(separator: " | ") + " |\n"
        text += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows {
            let cells = [
                row.model, "\(row.seed)", "\(row.delivered)/\(row.crossShardSubmitted)",
                [
                    row.submissionToDeliverySeconds.p50, row.submissionToDeliverySeconds.p95,
                    row.submissionToDeliverySeconds.p99,
                ].map { f($0, 1) }.joined(separator: "/"),
                [
                    row.inclusionToDeliverySlots.p50, row.inclusionToDeliverySlots.p95,
                    row.inclusionToDeliverySlots.p99,
                ].map { f($0, 0) }.joined(separator: "/"),
                f(row.throughput, 2), "\(row.failed)", "\(row.rolledBack)", f(row.inFlightMeanGwei / 1e9, 3),
                f(row.gasPerTransfer, 0), f(row.extraGasPerTransfer, 0), f(row.witnessBytesPerTransfer, 0),
                f(row.extraWitnessBytesPerTransfer, 0),
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }
}
