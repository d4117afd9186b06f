/// A table of figures: one row per metric, one column per group, each cell the mean across the group's seeds and
/// its 95 % confidence interval (or the values themselves with fewer than 3 seeds), in a unit that reads well.
///
/// Rows that would say nothing are left out and named in ``notes``: a metric that is zero in every run, and one
/// that has the same value in every run of every group (a parameter such as `shards`).
public struct FigureTable: Sendable {
    /// One row: the metric, the unit its cells are in, one cell per group, and the raw estimates behind them.
    public struct Row: Sendable {
        public let metric: String
        /// The unit of the cells (scaled to read well, e.g. `ETH`).
        public let unit: String
        /// The unit of the data (`summary.csv`'s, e.g. `gwei`), which ``estimates`` are in.
        public let rawUnit: String
        public let cells: [String]
        public let estimates: [Estimate?]
    }

    public let title: String
    public let groups: [String]
    public let rows: [Row]
    /// Sentences about left-out rows, e.g. "Zero in every run: fees_burned, rollbacks."
    public let notes: [String]

    /// The headline figures of `summary.csv`, in the order of the first run's file.
    public static func headline(_ input: ReportInput) -> FigureTable {
        var metrics: [String] = []
        var units: [String: String] = [:]
        for run in input.runs {
            guard let summary = run.summary, let m = summary.column(ColumnNames.metric) else { continue }
            for name in m where !metrics.contains(name) { metrics.append(name) }
            units.merge(run.units) { a, _ in a }
        }
        let values = metrics.map { metric in input.groups.map { group in group.runs.compactMap { $0.figures[metric] } }
        }
        return make(
            title: "Headline figures", groups: input.groups.map(\.name), metrics: metrics,
            units: metrics.map { units[$0] ?? "" }, values: values)
    }

    /// The figures of a comparison's `comparison.csv`, grouped by its `model` column (models in
    /// ``ColumnNames/modelOrder``), with the spread across its `seed` rows; columns that are not numbers are left
    /// out, and units are read from the column names' suffixes.
    public static func comparison(_ table: CSVTable) -> FigureTable? {
        guard let model = table.index(of: "model") else { return nil }
        var models: [String] = []
        for row in table.rows where !models.contains(row[model]) { models.append(row[model]) }
        func rank(_ name: String) -> Int { ColumnNames.modelOrder.firstIndex(of: name) ?? ColumnNames.modelOrder.count }
        models.sort { (rank($0), $0) < (rank($1), $1) }
        let figures = table.header.enumerated().filter { index, name in
            name != "model" && name != "seed" && table.rows.contains { Double($0[index]) != nil }
                && table.rows.allSatisfy { $0[index].isEmpty || Double($0[index]) != nil }
        }
        let values = figures.map { index, _ in
            models.map { m in table.rows.filter { $0[model] == m }.compactMap { Double($0[index]) } }
        }
        return make(
            title: "Cross-shard models compared (comparison.csv)", groups: models, metrics: figures.map(\.element),
            units: figures.map { unit(ofColumn: $0.element) }, values: values)
    }

    /// A table from `values[metric][group]`, with units scaled per row and empty rows left out.
    static func make(title: String, groups: [String], metrics: [String], units: [String], values: [[[Double]]])
        -> FigureTable
    {
        var rows: [Row] = []
        var zero: [String] = []
        var constant: [String] = []
        for (index, metric) in metrics.enumerated() {
            let all = values[index].flatMap { $0 }
            guard !all.isEmpty else { continue }
            if all.allSatisfy({ $0 == 0 }) {
                zero.append(metric)
                continue
            }
            let unit = units[index]
            if groups.count > 1 || values[index].first?.count ?? 0 > 1, all.allSatisfy({ $0 == all[0] }) {
                let display = DisplayUnit.choose(for: unit, magnitude: abs(all[0]))
                constant.append(
                    "\(metric) \(NumberFormat.short(all[0] * display.factor))\(display.name.isEmpty ? "" : " \(display.name)")"
                )
                continue
            }
            let estimates = values[index].map { Estimate($0) }
            let display = DisplayUnit.choose(
                for: unit, magnitude: estimates.compactMap { $0.map { abs($0.mean) } }.max() ?? 0)
            rows.append(
                Row(
                    metric: metric, unit: display.name, rawUnit: unit,
                    cells: estimates.map { $0.map { NumberFormat.estimate($0, unit: display) } ?? "no value" },
                    estimates: estimates))
        }
        var notes: [String] = []
        if !constant.isEmpty { notes.append("The same in every run: " + constant.joined(separator: ", ") + ".") }
        if !zero.isEmpty { notes.append("Zero in every run (left out): " + zero.joined(separator: ", ") + ".") }
        return FigureTable(title: title, groups: groups, rows: rows, notes: notes)
    }

    /// The unit a `comparison.csv` column's name ends in: `_slots`, `_s`, `_gwei`, `_bytes`, `_per_s`; counts
    /// otherwise.
    static func unit(ofColumn name: String) -> String {
        for (suffix, unit) in [
            ("_tx_per_s", "transactions/s"), ("_delivered_per_s", "transfers/s"), ("_per_s", "per s"),
            ("_slots", "slots"), ("_s", "s"), ("_gwei", "gwei"),
            ("_bytes_per_transfer", "bytes"), ("_gas_per_transfer", "gas"), ("_per_transfer", "per transfer"),
            ("_bytes", "bytes"), ("_depth", "hops"),
        ]
        where name.hasSuffix(suffix) { return unit }
        if name == "eth_conserved" { return "0/1" }
        return "count"
    }
}
