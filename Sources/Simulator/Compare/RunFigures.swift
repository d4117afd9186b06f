import Foundation
import RunFormat

/// Reads a finished run folder's `transfers.csv` and `inflight.csv` into a ``ComparisonRow``.
enum RunFigures {
    static func row(
        model: String, seed: UInt64, folder: URL, displayFolder: String, totals: RunTotals,
        window: MeasurementWindow, slotSeconds: Double
    ) throws(SimulationError) -> ComparisonRow {
        var row = ComparisonRow(model: model, seed: seed, folder: displayFolder)
        let transfers = try table(folder, OutputSchemas.transfers.file)
        // Latencies of the measured transfers only: submitted at or after the warm-up's end.
        let measuredFrom = Double(window.warmUpSlots) * slotSeconds * 1e6
        let delivered = transfers.filter {
            $0["outcome"].flatMap(TransferOutcome.init(name:)) == .delivered
                && ($0["created_us"].flatMap(Double.init) ?? -1) >= measuredFrom
        }
        func percentiles(_ column: String) -> LatencyPercentiles {
            LatencyPercentiles(delivered.compactMap { $0[column].flatMap(Double.init) })
        }
        row.submissionToDeliverySeconds = percentiles("latency_submission_to_delivery_s")
        row.submissionToDeliverySlots = percentiles("latency_submission_to_delivery_slots")
        row.inclusionToDeliverySlots = percentiles("latency_inclusion_to_delivery_slots")
        row.crossShardSubmitted = totals.crossShardSubmitted
        row.delivered = totals.crossShardDelivered
        row.measured = totals.measured
        row.failed = UInt64(
            transfers.filter { $0["outcome"].flatMap(TransferOutcome.init(name:))?.failed ?? false }.count)
        row.aborted = totals.crossShard.aborted
        row.rolledBack = totals.crossShard.deliveriesRolledBack
        row.rollbacks = totals.crossShard.rollbacks
        row.blocksReExecuted = totals.crossShard.blocksReExecuted
        row.maxCascadeDepth = totals.crossShard.maxCascadeDepth
        // Per second of the measured arrival window, so a drain (slots without arrivals) dilutes nothing.
        let seconds = Double(window.measuredSlots) * slotSeconds
        if seconds > 0 {
            row.throughput = Double(totals.measured.transactionsApplied) / seconds
            row.crossShardThroughput = Double(totals.measured.delivered) / seconds
        }
        let inflight = try table(folder, OutputSchemas.inflight.file).compactMap {
            $0["eth_in_flight_gwei"].flatMap(UInt64.init)
        }
        if !inflight.isEmpty {
            row.inFlightMeanGwei = Double(inflight.reduce(0, +)) / Double(inflight.count)
            row.inFlightMaxGwei = inflight.max() ?? 0
        }
        row.gasExecuted = totals.gasUsed + totals.crossShard.discardedGas
        row.witnessBytesExecuted = totals.witnessBytes + totals.crossShard.discardedWitnessBytes
        if row.delivered > 0 {
            row.gasPerTransfer = Double(row.gasExecuted) / Double(row.delivered)
            row.witnessBytesPerTransfer = Double(row.witnessBytesExecuted) / Double(row.delivered)
        }
        return row
    }

    /// A CSV file of the run folder as rows keyed by the header (our CSV files never quote).
    static func table(_ folder: URL, _ file: String) throws(SimulationError) -> [[String: String]] {
        let url = folder.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw .output(url.path, "cannot read the file")
        }
        let lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
