/// Everything a report shows, computed once from its input; rendered as Markdown and as HTML.
public struct RunReport: Sendable {
    public typealias Figure = ReportFigure

    public let title: String
    /// The scenario's own description (`description` of the resolved scenario), when all groups share one.
    public let description: String?
    public let input: ReportInput
    /// The figures with data, in reading order.
    public let figures: [Figure]
    /// Figures left out for want of data, with the reason, e.g. "Base fee per shard: no fee market in these runs".
    public let omitted: [String]
    public let parameters: ParameterTable
    public let tables: [FigureTable]
    public let checks: [TheoryCheck]

    public init(input: ReportInput) {
        self.input = input
        let scenarios = Set(input.runs.compactMap { $0.manifest["scenario"]?.text }).sorted()
        title = "shardsim report: " + (scenarios.isEmpty ? "runs" : scenarios.joined(separator: ", "))
        let descriptions = Set(input.runs.compactMap { $0.parameters["description"] }.filter { !$0.isEmpty })
        description = descriptions.count == 1 ? descriptions.first : nil

        var candidates: [Figure] = SweepFigures.make(input)
        candidates.append(LatencyFigure.make(input))
        if input.runs.contains(where: { $0.network != nil }) {
            candidates.append(NetworkFigures.propagation(input))
            candidates.append(NetworkFigures.orphanRate(input))
        }
        candidates.append(SlotFigures.ethInFlight(input))
        candidates.append(SlotFigures.throughput(input))
        candidates.append(SlotFigures.gas(input))
        let fees = input.groups.enumerated().compactMap { BaseFeeFigure.make($1, index: $0) }
        candidates += fees
        candidates.append(
            SlotFigures.perTransaction(
                input, column: ColumnNames.witnessBytes, what: "witness bytes", unit: "bytes",
                id: "witness-per-transaction"))
        candidates.append(
            SlotFigures.perTransaction(
                input, column: ColumnNames.gasUsed, what: "gas", unit: "gas", id: "gas-per-transaction"))
        candidates.append(
            BlockDistributionFigure.make(
                input, id: "witness-cdf", column: ColumnNames.witnessBytes, title: "Witness size per block (CDF)",
                quantity: "witness (multiproof) size", unit: "bytes",
                caption: "Distribution of the multiproof size of every produced block (missed slots left out), all "
                    + "shards and seeds pooled; with several EEs per shard, a block's EE rows are summed."))
        candidates.append(
            BlockDistributionFigure.make(
                input, id: "execution-cdf", column: ColumnNames.executionTime, title: "Execution time per block (CDF)",
                quantity: "simulated execution time", unit: "µs",
                caption: "Distribution of every produced block's simulated execution time: its gas divided by "
                    + "execution.gasPerSecond, not wall-clock time (wall-clock times are in slots-wall.csv)."))
        var omitted: [String] = []
        if fees.isEmpty {
            omitted.append("Base fee per shard: no base-fee values in fees.csv or slots.csv (the fee market is off)")
        }
        for figure in candidates where figure.chart == nil {
            omitted.append("\(Self.name(of: figure.id)): \(figure.missing ?? "no data")")
        }
        figures = candidates.filter { $0.chart != nil }
        self.omitted = omitted
        parameters = ParameterTable(input)
        tables =
            [FigureTable.headline(input)] + [FigureTable.perEE(input)].compactMap { $0 }
            + input.comparisons.compactMap(FigureTable.comparison)
        checks = TheoryChecks.all(input)
    }

    /// The checks as listed: one row per check and verdict, with the groups that share it.
    public var checkRows: [TheoryCheck] { CheckSummary.rows(checks, groupCount: input.groups.count) }

    /// A reader's name for a figure id.
    static func name(of id: String) -> String {
        switch id {
        case "latency-cdf": "Cross-shard latency"
        case "propagation-cdf": "Block propagation"
        case "orphan-rate-vs-block-bytes": "Orphan rate against block size"
        case "eth-in-flight": "ETH in flight"
        case "throughput": "Throughput per slot"
        case "gas": "Gas per slot"
        case "witness-per-transaction": "Witness bytes per transaction"
        case "gas-per-transaction": "Gas per transaction"
        case "witness-cdf": "Witness size per block"
        case "execution-cdf": "Execution time per block"
        default: id
        }
    }

    /// The sentence under the headline table about its cells.
    var cellsText: String {
        "Cells are the mean across seeds ± the half-width of its 95 % confidence interval (Student t, n − 1 degrees "
            + "of freedom), with n the number of seeds. With fewer than 3 seeds the values themselves are listed "
            + "instead: an interval from 2 seeds (t = 12.7) says nothing."
    }
}
