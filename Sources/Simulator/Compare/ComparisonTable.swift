import Foundation
import Scenarios

/// `comparison.md`: the summary table of a model comparison, also printed by `shardsim compare`.
package enum ComparisonTable {
    /// The Markdown page: a title, the scenario, one table row per model and seed, and what the columns mean.
    package static func markdown(_ rows: [ComparisonRow], scenario: Scenario) -> String {
        var text = "# Cross-shard models compared: \(scenario.name)\n\n"
        let window = MeasurementWindow(scenario)
        text += "\(scenario.shards.count) shards, \(scenario.slotCount) arrival slots (the first \(window.warmUpSlots) "
        text += "a warm-up, not measured), a drain of up to \(window.drainSlots) slots, "
        text += "finality delay \(scenario.crossShard.finalityDelay), "
        text += "revert probability \(scenario.crossShard.revertProbability) (optimistic), "
        text += "proposer offline rate \(scenario.beacon.proposerOfflineRate).\n\n"
        text += table(rows) + "\n"
        text += """
            Measured: transfers submitted after the warm-up; delivered, failed (rejected, expired or aborted) and \
            censored (still unfinished when the run ended: the drain cap stopped it) add up to them. Drain: slots \
            run after the last arrival slot until nothing was in flight (or the cap). Latency, over the measured \
            delivered transfers: from the user's submission to the destination block that credited the transfer, \
            in seconds (the headline), and from the source block that included it to that block, in slots (the \
            cross-shard model's own delay); nearest-rank percentiles. Throughput: measured user transactions \
            applied per simulated second of the measured arrival window. Rolled back: \
            deliveries undone by optimistic rollbacks. In flight: ETH in receipts (inboxes and held) at the end of \
            each slot. Gas and witness bytes: executed in total (discarded block versions included) per delivered \
            transfer; extra: minus the one-slot run of the same seed. See Documentation/CrossShardModels.md.

            """
        return text
    }

    /// The table alone, as printed on the terminal.
    package static func table(_ rows: [ComparisonRow]) -> String {
        let header = [
            "model", "seed", "measured", "delivered", "failed", "censored", "drain slots",
            "submission→delivery p50/p95/p99 s", "inclusion→delivery p50/p95/p99 slots", "tx/s", "rolled back",
            "in flight mean (ETH)", "gas/transfer", "extra gas", "witness B/transfer", "extra witness B",
        ]
        func f(_ value: Double?, _ digits: Int) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        var text = "| " + header.joined(separator: " | ") + " |\n"
        text += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows {
            let cells = [
                row.model, "\(row.seed)", "\(row.measured.submitted)", "\(row.measured.delivered)",
                "\(row.measured.failed)", "\(row.measured.censored)", "\(row.measured.drainSlots)",
                [
                    row.submissionToDeliverySeconds.p50, row.submissionToDeliverySeconds.p95,
                    row.submissionToDeliverySeconds.p99,
                ].map { f($0, 1) }.joined(separator: "/"),
                [
                    row.inclusionToDeliverySlots.p50, row.inclusionToDeliverySlots.p95,
                    row.inclusionToDeliverySlots.p99,
                ].map { f($0, 0) }.joined(separator: "/"),
                f(row.throughput, 2), "\(row.rolledBack)", f(row.inFlightMeanGwei / 1e9, 3),
                f(row.gasPerTransfer, 0), f(row.extraGasPerTransfer, 0), f(row.witnessBytesPerTransfer, 0),
                f(row.extraWitnessBytesPerTransfer, 0),
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }
}
