/// A line chart drawn as a self-contained SVG element: a title, axes labelled with their units, round ticks, one
/// line per series with its 95 % band or error bars, shaded x ranges, and a legend laid out so entries never overlap.
///
/// Our own few hundred lines rather than a charting library, so the page needs no script or network and tests can
/// check the markup (axes, ticks, paths, legend boxes, escaping). The SVG has a fixed coordinate system
/// (``width`` wide) and scales with the page: the HTML sets its CSS width to 100 %.
public struct LineChart: Sendable {
    public var title: String
    public var x: ChartAxis
    public var y: ChartAxis
    public var series: [ChartSeries]
    /// Ranges of x shaded behind the data, e.g. a demand spike's window.
    public var shades: [ShadedRange]
    /// The width of the SVG's coordinate system; the page scales it.
    public var width = 800.0
    /// The height of the plot area alone.
    public var plotHeight = 320.0

    /// Colours of the series, in order (colour-blind-safe first); repeated, dashed, when there are more series.
    static let palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#555555", "#8c564b"]

    public init(title: String, x: ChartAxis, y: ChartAxis, series: [ChartSeries], shades: [ShadedRange] = []) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.shades = shades
    }

    /// A chart from bare axis labels, for callers without units to state.
    public init(
        title: String, xLabel: String, yLabel: String, series: [ChartSeries], yRange: ClosedRange<Double>? = nil
    ) {
        self.init(
            title: title, x: ChartAxis(xLabel, unit: ""), y: ChartAxis(yLabel, unit: "", range: yRange),
            series: series)
    }

    /// Whether there is at least one point to draw.
    public var hasData: Bool { series.contains { !$0.points.isEmpty } }

    /// The `<svg>` element.
    public var svg: String { LineChartRenderer(chart: self).svg }
}
