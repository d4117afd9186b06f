import RunFormat

/// The CDF of cross-shard latency in seconds, from the user's submission to delivery, one line per group.
enum LatencyFigure {
    static func make(_ input: ReportInput) -> ReportFigure {
        // Submission→delivery in seconds is the headline; run folders written before both clocks existed call it
        // latency_s, and older ones still have only inclusion→delivery in slots.
        let candidates = [
            ColumnNames.latencySubmissionSeconds, ColumnNames.legacyLatencySubmissionSeconds,
            ColumnNames.legacyLatencyInclusionSlots,
        ]
        let column =
            candidates.first { name in input.runs.contains { $0.transfers?.index(of: name) != nil } }
            ?? ColumnNames.latencySubmissionSeconds
        let inSeconds = column != ColumnNames.legacyLatencyInclusionSlots
        var series: [ChartSeries] = []
        var all: [Double] = []
        for group in input.groups {
            let values = group.runs.flatMap { run -> [Double] in
                guard let t = run.transfers, let o = t.index(of: ColumnNames.outcome), let l = t.index(of: column)
                else { return [] }
                return t.rows.filter { TransferOutcome(name: $0[o]) == .delivered }.compactMap { Double($0[l]) }
            }
            all += values
            var line = ChartSeries.cdf(
                name: "\(group.name) (\(NumberFormat.short(Double(values.count))) transfers, n=\(group.runs.count))",
                values: values)
            line.key = group.name
            line.points = line.points.map {
                var p = $0
                p.count = values.count
                return p
            }
            series.append(line)
        }
        let scale = ChartAxis.scale(for: all.filter { $0 > 0 }, ratio: 20)
        let chart = LineChart(
            title: "Cross-shard latency (CDF)",
            x: ChartAxis(
                inSeconds ? "latency, submission to delivery" : "latency, inclusion to delivery",
                unit: inSeconds ? "s" + (scale == .logarithmic ? ", log scale" : "") : "slots", scale: scale,
                includesZero: true),
            y: ChartAxis("share of delivered transfers", unit: "fraction", range: 0...1), series: series)
        let how =
            inSeconds
            ? "from the user's submission of the transaction to the destination block that credited it (transfers.csv "
                + "\(column)): it includes the wait for inclusion in a source block, then the cross-shard model's delay"
            : "in slots from inclusion to delivery (these runs predate the submission→delivery column)"
        return ReportFigure(
            id: "latency-cdf", chart: chart,
            caption: "Share of delivered transfers (those moving ETH by a receipt: to another shard, or to another EE) "
                + "with at most the given latency, \(how). Every seed's transfers are pooled; transfers never "
                + "delivered (rejected, expired, aborted, still in flight) are left out."
                + (withAndWithoutNetwork(input)
                    ? " Groups whose runs have no network: section deliver blocks instantly: the gap to the others is "
                        + "the network's cost (propagation, orphaned blocks re-included later)." : ""),
            xColumn: column, yColumn: "share", missing: "no delivered cross-shard transfers")
    }

    /// Whether some runs have a network (a `network.csv`) and others do not.
    static func withAndWithoutNetwork(_ input: ReportInput) -> Bool {
        input.runs.contains { $0.network != nil } && input.runs.contains { $0.network == nil }
    }
}
