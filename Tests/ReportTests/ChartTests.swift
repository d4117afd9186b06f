import Foundation
import Testing

@testable import Report

/// The SVG charts: round ticks, axes, one path per series, escaped text.
@Suite struct ChartTests {
    @Test("ticks are 1, 2 or 5 times a power of ten and cover the range")
    func ticks() {
        let t = NiceTicks(minimum: 0, maximum: 97)
        #expect(t.step == 20)
        #expect(t.values == [0, 20, 40, 60, 80, 100])
        let small = NiceTicks(minimum: 0, maximum: 1)
        #expect(small.step == 0.2)
        #expect(small.label(0.4) == "0.4")
        let flat = NiceTicks(minimum: 3, maximum: 3)
        #expect(flat.lower < 3 && flat.upper > 3)
    }

    @Test("a chart has both axes, labelled ticks, a path per series and a legend")
    func structure() {
        let chart = LineChart(
            title: "Gas", xLabel: "slot", yLabel: "gas",
            series: [
                ChartSeries(name: "a", points: [(0, 0), (1, 10), (2, 20)]),
                ChartSeries(name: "b", points: [(0, 5), (2, 15)]),
            ])
        let svg = chart.svg
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("class=\"axis x-axis\""))
        #expect(svg.contains("class=\"axis y-axis\""))
        #expect(svg.components(separatedBy: "<path class=\"series\"").count - 1 == 2)
        #expect(svg.contains(">20</text>"))
        #expect(svg.contains("class=\"legend legend-entry\""))
        // The x axis runs from the first to the last x of the data, not past it: its last tick is 2.
        #expect(svg.contains(">2</text>\n</g>") || svg.contains(">2</text>\n<text class=\"axis-label\""))
    }

    @Test("large tick values get SI suffixes, never scientific notation; log ticks are 1-2-5 marks")
    func tickLabels() {
        let t = NiceTicks(minimum: 0, maximum: 4_000_000)
        #expect(t.values.map(t.label) == ["0", "1M", "2M", "3M", "4M"])
        let half = NiceTicks(minimum: 0, maximum: 1_500_000)
        #expect(half.values.map(half.label).contains("1.5M"))
        #expect(NiceTicks(minimum: 0, maximum: 600).label(500) == "500")
        let log = LogTicks(minimum: 3, maximum: 70)
        #expect(log.values == [2, 5, 10, 20, 50, 100])
    }

    @Test("bands and error bars: a band for lines with intervals, bars for markers")
    func intervals() {
        let points = [ChartPoint(x: 0, y: 1, low: 0.5, high: 1.5), ChartPoint(x: 1, y: 2, low: 1.5, high: 2.5)]
        let band = LineChart(
            title: "t", x: ChartAxis("slot", unit: "12 s"), y: ChartAxis("y", unit: "gas"),
            series: [ChartSeries(name: "a", points: points)]
        ).svg
        #expect(band.components(separatedBy: "class=\"band\"").count - 1 == 1)
        let bars = LineChart(
            title: "t", x: ChartAxis("x", unit: "s"), y: ChartAxis("y", unit: "gas"),
            series: [ChartSeries(name: "a", points: points, style: .markers)]
        ).svg
        #expect(bars.components(separatedBy: "class=\"error-bar\"").count - 1 == 2)
        #expect(bars.contains(">x (s)</text>"))
    }

    @Test("names with markup are escaped, never injected")
    func escaping() {
        let chart = LineChart(
            title: "<b>&", xLabel: "x\"", yLabel: "y'",
            series: [
                ChartSeries(name: "<script>alert(1)</script>", points: [(0, 1), (1, 2)]),
                ChartSeries(name: "b", points: [(0, 1)]),
            ])
        let svg = chart.svg
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("&lt;b&gt;&amp;"))
        #expect(svg.contains("x&quot;"))
        #expect(svg.contains("y&#39;"))
    }

    @Test("the empirical CDF steps to 1 at the largest value")
    func cdf() {
        let cdf = ChartSeries.cdf(name: "x", values: [3, 1, 1, 2])
        #expect(cdf.points.map(\.x) == [1, 1, 2, 3])
        #expect(cdf.points.map(\.y) == [0, 0.5, 0.75, 1])
        #expect(cdf.steps)
    }

    @Test("a CDF of many distinct values keeps 400 points, the first and the last among them")
    func longCDF() {
        let values = (0..<100_000).map { Double($0) }
        let cdf = ChartSeries.cdf(name: "x", values: values)
        #expect(cdf.points.count == ChartSeries.maximumCDFPoints)
        #expect(cdf.points.first == ChartPoint(x: 0, y: 0))
        #expect(cdf.points.last == ChartPoint(x: 99_999, y: 1))
        #expect(zip(cdf.points, cdf.points.dropFirst()).allSatisfy { $0.x <= $1.x && $0.y <= $1.y })
    }
}
