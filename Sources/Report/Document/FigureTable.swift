/// A table of figures: one row per metric, one column per group, each cell the mean and 95 % confidence interval
/// across the group's seeds.
public struct FigureTable: Sendable {
    public let title: String
    public let groups: [String]
    /// Per row: the metric, its unit, and one cell per group.
    public let rows: [(metric: String, unit: String, cells: [String])]

    /// The headline figures of `summary.csv`, in the order of the first run's file.
    public static func headline(_ input: ReportInput) -> FigureTable {
        var metrics: [String] = []
        var units: [String: String] = [:]
        for run in input.runs {
            guard let summary = run.summary, let m = summary.column(ColumnNames.metric) else { continue }
            for name in m where !metrics.contains(name) { metrics.append(name) }
            units.merge(run.units) { a, _ in a }
        }
        let rows = metrics.map { metric in
            (metric: metric, unit: units[metric] ?? "",
             cells: input.groups.map { group in cell(group.runs.compactMap { $0.figures[metric] }) })
        }
        return FigureTable(title: "Headline figures", groups: input.groups.map(\.name), rows: rows)
    }

    /// The figures of a comparison's `comparison.csv`, grouped by its `model` column, with the spread across its
    /// `seed` rows.
    public static func comparison(_ table: CSVTable) -> FigureTable? {
        guard let model = table.index(of: "model") else { return nil }
        var models: [String] = []
        for row in table.rows where !models.contains(row[model]) { models.append(row[model]) }
        let figures = table.header.filter { $0 != "model" && $0 != "seed" }
        let rows = figures.map { name in
            let c = table.index(of: name)!
            return (metric: name, unit: "",
                    cells: models.map { m in cell(table.rows.filter { $0[model] == m }.compactMap { Double($0[c]) }) })
        }
        return FigureTable(title: "comparison.csv", groups: models, rows: rows)
    }

    /// `mean ± h (n=k)`, or `–` without values.
    static func cell(_ values: [Double]) -> String {
        guard let estimate = Estimate(values) else { return "–" }
        return NumberFormat.estimate(estimate) + (estimate.count > 1 ? " (n=\(estimate.count))" : "")
    }
}
