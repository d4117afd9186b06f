/// One figure of a report: its chart (or why there is none), a caption, and the chart's data as a tidy CSV.
public struct ReportFigure: Sendable {
    /// A file-name-safe identifier, e.g. `latency-cdf`; names `charts/<id>.svg` and `report-data/<id>.csv`.
    public let id: String
    public let chart: LineChart?
    /// Shown instead of the chart when there is nothing to draw.
    public let missing: String?
    /// What the chart shows, how it was computed and what its band or bars mean, with n.
    public let caption: String
    /// The names of the x and y columns of the CSV, with their units, e.g. `slot`, `eth_in_flight_eth`.
    public let xColumn: String
    public let yColumn: String

    public init(id: String, chart: LineChart, caption: String, xColumn: String, yColumn: String, missing: String) {
        self.id = id
        self.chart = chart.hasData ? chart : nil
        self.missing = chart.hasData ? nil : missing
        self.caption = caption
        self.xColumn = xColumn
        self.yColumn = yColumn
    }

    /// The chart's data, one row per point: `series,<x>,<y>,<y>_ci95_low,<y>_ci95_high,n` (empty interval cells
    /// where there is none); categorical x values are written by name. `nil` without a chart.
    public var csv: String? {
        guard let chart else { return nil }
        var text = "series,\(xColumn),\(yColumn),\(yColumn)_ci95_low,\(yColumn)_ci95_high,n\n"
        for line in chart.series {
            for p in line.points {
                let x: String
                if let categories = chart.x.categories, let i = Int(exactly: p.x), categories.indices.contains(i) {
                    x = CSVText.field(categories[i])
                } else {
                    x = CSVText.number(p.x)
                }
                text += "\(CSVText.field(line.key)),\(x),\(CSVText.number(p.y)),\(p.low.map(CSVText.number) ?? ""),"
                text += "\(p.high.map(CSVText.number) ?? ""),\(p.count.map(String.init) ?? "")\n"
            }
        }
        return text
    }
}
