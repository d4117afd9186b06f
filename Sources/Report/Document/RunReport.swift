/// Everything a report shows, computed once from its input; rendered as Markdown and as HTML.
public struct RunReport: Sendable {
    /// A chart, or why it is missing.
    public struct Figure: Sendable {
        /// A file-name-safe identifier, e.g. `latency-cdf`.
        public let id: String
        public let chart: LineChart?
        /// Shown instead of the chart when there is nothing to draw, e.g. "no fee data".
        public let missing: String?
        /// What the chart shows, one or two sentences.
        public let caption: String
    }

    public let title: String
    public let input: ReportInput
    public let figures: [Figure]
    public let tables: [FigureTable]
    public let checks: [TheoryCheck]

    public init(input: ReportInput) {
        self.input = input
        let scenarios = Set(input.runs.compactMap { $0.manifest["scenario"]?.text }).sorted()
        title = "shardsim report: " + (scenarios.isEmpty ? "runs" : scenarios.joined(separator: ", "))
        var figures: [Figure] = []
        func add(_ id: String, _ chart: LineChart, _ caption: String, missing: String) {
            figures.append(Figure(id: id, chart: chart.hasData ? chart : nil, missing: chart.hasData ? nil : missing, caption: caption))
        }
        add("throughput", ReportCharts.throughput(input),
            "Transactions applied per slot, summed over shards; the mean across seeds of each group.", missing: "no slots.csv")
        add("gas", ReportCharts.gas(input),
            "Gas used per slot, summed over shards; the mean across seeds of each group.", missing: "no slots.csv")
        add("latency-cdf", ReportCharts.latency(input),
            "Share of delivered cross-shard transfers with at most the given latency (delivery slot minus inclusion slot), all seeds pooled.",
            missing: "no delivered cross-shard transfers")
        for (index, group) in input.groups.enumerated() {
            let id = "base-fee-\(index)"
            let caption = "Base fee per shard over time (\(group.name), first seed)."
            if let chart = ReportCharts.baseFee(group), chart.hasData {
                figures.append(Figure(id: id, chart: chart, missing: nil, caption: caption))
            } else {
                figures.append(Figure(id: id, chart: nil, missing: "no fee data (\(group.name)): no base-fee column in fees.csv or slots.csv", caption: caption))
            }
        }
        add("witness-cdf",
            ReportCharts.blockDistribution(input, column: ColumnNames.witnessBytes, title: "Witness size per block (CDF)", xLabel: "witness bytes"),
            "Distribution of the multiproof size of each produced block, all shards and seeds pooled.", missing: "no slots.csv")
        add("execution-cdf",
            ReportCharts.blockDistribution(input, column: ColumnNames.executionTime, title: "Execution time per block (CDF)", xLabel: "simulated execution time (µs, from gas)"),
            "Distribution of each produced block's simulated execution time (gas divided by gas per second).", missing: "no slots.csv")
        self.figures = figures
        tables = [FigureTable.headline(input)] + input.comparisons.compactMap(FigureTable.comparison)
        checks = TheoryChecks.all(input)
    }
}
