import Foundation

/// A line chart drawn as a self-contained SVG element: axes with round ticks, one path per series, a legend.
///
/// Our own few lines rather than a charting library, so the page needs no script or network and tests can check
/// the markup (axes, ticks, paths, escaping).
public struct LineChart: Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [ChartSeries]
    /// Fixes the y range, e.g. `0...1` for a CDF.
    public var yRange: ClosedRange<Double>?
    public var width = 720.0
    public var height = 320.0

    /// Colours of the series, in order; repeated when there are more series.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    public init(title: String, xLabel: String, yLabel: String, series: [ChartSeries], yRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
    }

    /// Whether there is at least one point to draw.
    public var hasData: Bool { series.contains { !$0.points.isEmpty } }

    /// The `<svg>` element.
    public var svg: String {
        let left = 70.0, right = 20.0, top = 30.0, bottom = 50.0
        let legendHeight = series.count > 1 ? 18.0 * Double((series.count + 2) / 3) : 0
        let totalHeight = height + legendHeight
        let plotW = width - left - right, plotH = height - top - bottom
        let all = series.flatMap(\.points)
        let xs = NiceTicks(minimum: all.map(\.x).min() ?? 0, maximum: all.map(\.x).max() ?? 1)
        let ys = yRange.map { NiceTicks(minimum: $0.lowerBound, maximum: $0.upperBound) }
            ?? NiceTicks(minimum: min(0, all.map(\.y).min() ?? 0), maximum: all.map(\.y).max() ?? 1)
        func px(_ x: Double) -> Double { left + (x - xs.lower) / (xs.upper - xs.lower) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (y - ys.lower) / (ys.upper - ys.lower) * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(f(width))\" "
        out += "height=\"\(f(totalHeight))\" viewBox=\"0 0 \(f(width)) \(f(totalHeight))\" role=\"img\" "
        out += "aria-label=\"\(SVGText.escape(title))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        out += "<title>\(SVGText.escape(title))</title>\n"
        out += "<text x=\"\(f(width / 2))\" y=\"16\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">"
        out += "\(SVGText.escape(title))</text>\n"
        out += "<g class=\"grid\" stroke=\"#e5e5e5\">\n"
        for y in ys.values { out += "<line x1=\"\(f(left))\" y1=\"\(f(py(y)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(y)))\"/>\n" }
        out += "</g>\n<g class=\"axis x-axis\" stroke=\"#333\">\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\"/>\n"
        for x in xs.values {
            out += "<line class=\"tick\" x1=\"\(f(px(x)))\" y1=\"\(f(top + plotH))\" x2=\"\(f(px(x)))\" y2=\"\(f(top + plotH + 5))\"/>\n"
            out += "<text stroke=\"none\" x=\"\(f(px(x)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(xs.label(x))</text>\n"
        }
        out += "<text stroke=\"none\" x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 38))\" text-anchor=\"middle\">"
        out += "\(SVGText.escape(xLabel))</text>\n</g>\n<g class=\"axis y-axis\" stroke=\"#333\">\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\"/>\n"
        for y in ys.values {
            out += "<line class=\"tick\" x1=\"\(f(left - 5))\" y1=\"\(f(py(y)))\" x2=\"\(f(left))\" y2=\"\(f(py(y)))\"/>\n"
            out += "<text stroke=\"none\" x=\"\(f(left - 8))\" y=\"\(f(py(y) + 4))\" text-anchor=\"end\">\(ys.label(y))</text>\n"
        }
        out += "<text stroke=\"none\" transform=\"translate(14 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">"
        out += "\(SVGText.escape(yLabel))</text>\n</g>\n"
        for (index, line) in series.enumerated() where !line.points.isEmpty {
            let colour = Self.palette[index % Self.palette.count]
            var d = ""
            var started = false
            for point in line.points {
                if started {
                    if line.steps { d += " H\(f(px(point.x))) V\(f(py(point.y)))" }
                    else { d += " L\(f(px(point.x))) \(f(py(point.y)))" }
                } else {
                    d += "M\(f(px(point.x))) \(f(py(point.y)))"
                }
                started = true
            }
            if line.points.count == 1 {
                out += "<circle class=\"series\" data-series=\"\(SVGText.escape(line.name))\" cx=\"\(f(px(line.points[0].x)))\" "
                out += "cy=\"\(f(py(line.points[0].y)))\" r=\"3\" fill=\"\(colour)\"/>\n"
            }
            out += "<path class=\"series\" data-series=\"\(SVGText.escape(line.name))\" d=\"\(d)\" fill=\"none\" "
            out += "stroke=\"\(colour)\" stroke-width=\"1.8\"/>\n"
        }
        if series.count > 1 {
            for (index, line) in series.enumerated() {
                let x = left + Double(index % 3) * (plotW / 3)
                let y = height + 18.0 * Double(index / 3)
                let colour = Self.palette[index % Self.palette.count]
                out += "<g class=\"legend\"><rect x=\"\(f(x))\" y=\"\(f(y - 9))\" width=\"12\" height=\"10\" fill=\"\(colour)\"/>"
                out += "<text x=\"\(f(x + 16))\" y=\"\(f(y))\">\(SVGText.escape(line.name))</text></g>\n"
            }
        }
        out += "</svg>"
        return out
    }
}
