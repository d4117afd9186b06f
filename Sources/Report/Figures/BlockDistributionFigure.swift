/// The CDF of a per-block quantity (witness bytes, simulated execution time) over produced blocks, per group.
enum BlockDistributionFigure {
    static func make(
        _ input: ReportInput, id: String, column: String, title: String, quantity: String, unit: String, caption: String
    ) -> ReportFigure {
        let perGroup = input.groups.map { group in
            (group, group.runs.flatMap { run in run.slots.map { SlotRows($0).perBlock(column) } ?? [] })
        }
        let display = DisplayUnit.choose(for: unit, magnitude: perGroup.flatMap(\.1).map(abs).max() ?? 0)
        let series = perGroup.map { group, values in
            var line = ChartSeries.cdf(
                name: "\(group.name) (\(NumberFormat.short(Double(values.count))) blocks, n=\(group.runs.count))",
                values: values.map { $0 * display.factor })
            line.key = group.name
            return line
        }
        let chart = LineChart(
            title: title, x: ChartAxis(quantity, unit: display.name, includesZero: true),
            y: ChartAxis("share of blocks", unit: "fraction", range: 0...1), series: series)
        return ReportFigure(
            id: id, chart: chart, caption: caption,
            xColumn: "\(column.replacingOccurrences(of: "_us", with: ""))_\(DisplayUnit.suffix(display.name))",
            yColumn: "share", missing: "no slots.csv")
    }
}
