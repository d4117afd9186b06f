import RunFormat

/// The figures a parameter study exists for: each headline metric against each swept field, one line per
/// combination of the other swept fields, each point the mean across seeds with its 95 % interval as error bars.
enum SweepFigures {
    /// The `summary.csv` metrics plotted against the swept fields, in this order, when the runs have them.
    static let metrics = [
        SummaryMetric.throughput, .latencySubmissionToDeliveryMeanSeconds, .witnessBytesPerTransaction, .gasPerBlock,
        .transactionsExpired, .feesBurned, .crossShardAborted, .twoPhaseAbortRate, .lockMetRate, .lockWaitRate,
        .lockWaitSlotsMean, .blocksReverted, .blocksOrphaned,
    ].map(\.name)

    static func make(_ input: ReportInput) -> [ReportFigure] {
        guard !input.factors.isEmpty, input.groups.contains(where: { !$0.coordinates.isEmpty }) else { return [] }
        var figures: [ReportFigure] = []
        let units = input.runs.reduce(into: [String: String]()) { $0.merge($1.units) { a, _ in a } }
        for metric in metrics {
            let all = input.runs.compactMap { $0.figures[metric] }
            // A metric no run has, or zero everywhere (e.g. fees without a fee market), says nothing.
            guard !all.isEmpty, all.contains(where: { $0 != 0 }) else { continue }
            for factor in input.factors {
                figures.append(figure(input, metric: metric, unit: units[metric] ?? "", factor: factor))
            }
        }
        return figures
    }

    static func figure(_ input: ReportInput, metric: String, unit: String, factor: SweepFactor) -> ReportFigure {
        let others = input.factors.filter { $0 != factor }
        // x: the factor's values; numeric when every value is a number, else categories in first-seen order.
        var levels: [String] = []
        for group in input.groups {
            if let v = group.coordinates[factor.column], !levels.contains(v) { levels.append(v) }
        }
        let numeric = levels.allSatisfy { Double($0) != nil }
        func x(_ value: String) -> Double { numeric ? Double(value)! : Double(levels.firstIndex(of: value)!) }
        // One line per combination of the other factors, in first-seen order.
        var lineKeys: [String] = []
        var points: [String: [ChartPoint]] = [:]
        var estimates: [Estimate] = []
        for group in input.groups {
            guard let value = group.coordinates[factor.column] else { continue }
            let key = others.map { "\($0.path)=\(group.coordinates[$0.column] ?? "?")\(Self.unitText($0))" }
                .joined(separator: ", ")
            guard let estimate = Estimate(group.runs.compactMap { $0.figures[metric] }) else { continue }
            estimates.append(estimate)
            if points[key] == nil { lineKeys.append(key) }
            points[key, default: []].append(
                ChartPoint(
                    x: x(value), y: estimate.mean, low: estimate.interval?.lowerBound,
                    high: estimate.interval?.upperBound,
                    count: estimate.count))
        }
        let magnitude = estimates.map { abs($0.mean) }.max() ?? 0
        let display = DisplayUnit.choose(for: unit, magnitude: magnitude)
        let series = lineKeys.map { key -> ChartSeries in
            let scaled = points[key]!.sorted { $0.x < $1.x }.map { p -> ChartPoint in
                ChartPoint(
                    x: p.x, y: p.y * display.factor, low: p.low.map { $0 * display.factor },
                    high: p.high.map { $0 * display.factor }, count: p.count)
            }
            let counts = Set(scaled.compactMap(\.count)).sorted()
            let n = counts.count == 1 ? "n=\(counts[0])" : "n=\(counts.first ?? 0)–\(counts.last ?? 0)"
            let name = key.isEmpty ? "all points (\(n))" : "\(key) (\(n))"
            return ChartSeries(name: name, key: key.isEmpty ? "all points" : key, points: scaled, style: .markers)
        }
        let xAxis =
            numeric
            ? ChartAxis(
                factor.path, unit: factor.unit,
                scale: ChartAxis.scale(for: levels.compactMap(Double.init), ratio: 10))
            : ChartAxis(factor.path, unit: "", categories: levels)
        let chart = LineChart(
            title: "\(metric) against \(factor.path)", x: xAxis,
            y: ChartAxis(metric.replacingOccurrences(of: "_", with: " "), unit: display.name, includesZero: true),
            series: series)
        let minimum = estimates.map(\.count).min() ?? 0
        let bars =
            minimum >= Estimate.minimumCountForInterval
            ? "error bars are the 95 % confidence interval of the mean (Student t)"
            : "error bars are drawn only where at least 3 seeds give a value"
        let id = "sweep-\(metric)-vs-\(factor.column)".map {
            $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-"
        }
        return ReportFigure(
            id: String(id), chart: chart,
            caption: "summary.csv's \(metric) at each value of \(factor.path)"
                + (others.isEmpty ? "" : ", one line per combination of the other swept fields")
                + "; each point is the mean across the point's seeds (n in the legend), \(bars).",
            xColumn: factor.column, yColumn: "\(metric)_\(DisplayUnit.suffix(display.name))", missing: "no summary.csv")
    }

    /// The unit after a value in a legend: `10%`, `0.5 s`; none for counts, whose unit the axis names.
    static func unitText(_ factor: SweepFactor) -> String {
        guard factor.column != factor.path else { return "" }
        return factor.unit == "%" ? "%" : " \(factor.unit)"
    }
}
