import Foundation

/// Lays out and draws a ``LineChart`` as SVG text.
struct LineChartRenderer {
    let chart: LineChart

    static let tickFont = 12.0
    static let labelFont = 13.0
    static let titleFont = 15.0

    /// A mapping from data values to pixels along one axis, with its ticks.
    struct Scale {
        let low: Double
        let high: Double
        let logarithmic: Bool
        let ticks: [(value: Double, label: String)]

        /// The position of `value` in `0…1` along the axis; `nil` for values a log axis cannot show.
        func fraction(_ value: Double) -> Double? {
            if logarithmic {
                guard value > 0 else { return nil }
                return (log10(value) - log10(low)) / (log10(high) - log10(low))
            }
            return (value - low) / (high - low)
        }
    }

    var svg: String {
        let xScale = Self.xScale(chart.x, chart.series)
        let yScale = Self.yScale(chart.y, chart.series)
        let tickWidth = yScale.ticks.map { TextMetrics.width($0.label, fontSize: Self.tickFont) }.max() ?? 0
        let left = 10 + Self.labelFont + 12 + tickWidth + 8
        let lastTick = xScale.ticks.last.map { TextMetrics.width($0.label, fontSize: Self.tickFont) } ?? 0
        let right = max(16, lastTick / 2 + 6)
        let top = 40.0
        let plotW = chart.width - left - right
        let plotH = chart.plotHeight
        let bottom = top + plotH
        func px(_ v: Double) -> Double? { xScale.fraction(v).map { left + $0 * plotW } }
        // Values outside the axis (a band's low end below 0 for a quantity that cannot be negative) are pinned to it.
        func py(_ v: Double) -> Double { bottom - min(1, max(0, yScale.fraction(v) ?? 0)) * plotH }

        var legendNames = chart.shades.map(\.label)
        legendNames += chart.series.map(\.name)
        let legend = LegendLayout(names: legendNames, left: left, top: bottom + 54, width: plotW)
        let height = bottom + 54 + legend.height + 6

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(f(chart.width))\" "
        out += "height=\"\(f(height))\" viewBox=\"0 0 \(f(chart.width)) \(f(height))\" role=\"img\" "
        out +=
            "aria-label=\"\(SVGText.escape(chart.title))\" font-family=\"sans-serif\" font-size=\"\(f(Self.tickFont))\">\n"
        out += "<title>\(SVGText.escape(chart.title))</title>\n"
        let titleText = TextMetrics.fitting(chart.title, width: chart.width - 20, fontSize: Self.titleFont)
        out += "<text class=\"chart-title\" x=\"\(f(chart.width / 2))\" y=\"22\" text-anchor=\"middle\" "
        out += "font-size=\"\(f(Self.titleFont))\" font-weight=\"bold\">\(SVGText.escape(titleText))</text>\n"

        // Shaded ranges, behind everything.
        for shade in chart.shades {
            guard let a = px(max(shade.from, xScale.low)), let b = px(min(shade.until, xScale.high)), b > a else {
                continue
            }
            out += "<rect class=\"shade\" x=\"\(f(a))\" y=\"\(f(top))\" width=\"\(f(b - a))\" height=\"\(f(plotH))\" "
            out += "fill=\"#000000\" fill-opacity=\"0.07\"/>\n"
        }
        out += "<g class=\"grid\" stroke=\"#e5e5e5\">\n"
        for tick in yScale.ticks {
            out +=
                "<line x1=\"\(f(left))\" y1=\"\(f(py(tick.value)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(tick.value)))\"/>\n"
        }
        out += "</g>\n<g class=\"axis x-axis\" stroke=\"#333\">\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(left + plotW))\" y2=\"\(f(bottom))\"/>\n"
        for tick in xScale.ticks {
            guard let x = px(tick.value) else { continue }
            out += "<line class=\"tick\" x1=\"\(f(x))\" y1=\"\(f(bottom))\" x2=\"\(f(x))\" y2=\"\(f(bottom + 5))\"/>\n"
            out += "<text stroke=\"none\" x=\"\(f(x))\" y=\"\(f(bottom + 19))\" text-anchor=\"middle\">"
            out += "\(SVGText.escape(tick.label))</text>\n"
        }
        let xLabel = TextMetrics.fitting(chart.x.label, width: plotW, fontSize: Self.labelFont)
        out += "<text class=\"axis-label\" stroke=\"none\" x=\"\(f(left + plotW / 2))\" y=\"\(f(bottom + 40))\" "
        out += "text-anchor=\"middle\" font-size=\"\(f(Self.labelFont))\">\(SVGText.escape(xLabel))</text>\n</g>\n"
        out += "<g class=\"axis y-axis\" stroke=\"#333\">\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\"/>\n"
        for tick in yScale.ticks {
            out +=
                "<line class=\"tick\" x1=\"\(f(left - 5))\" y1=\"\(f(py(tick.value)))\" x2=\"\(f(left))\" y2=\"\(f(py(tick.value)))\"/>\n"
            out += "<text stroke=\"none\" x=\"\(f(left - 8))\" y=\"\(f(py(tick.value) + 4))\" text-anchor=\"end\">"
            out += "\(SVGText.escape(tick.label))</text>\n"
        }
        let yLabel = TextMetrics.fitting(chart.y.label, width: plotH, fontSize: Self.labelFont)
        out +=
            "<text class=\"axis-label\" stroke=\"none\" transform=\"translate(\(f(10 + Self.labelFont)) \(f(top + plotH / 2))) rotate(-90)\" "
        out += "text-anchor=\"middle\" font-size=\"\(f(Self.labelFont))\">\(SVGText.escape(yLabel))</text>\n</g>\n"

        for (index, line) in chart.series.enumerated() where !line.points.isEmpty {
            out += drawSeries(line, index: index, px: px, py: py)
        }

        for (index, entry) in legend.entries.enumerated() {
            let isShade = index < chart.shades.count
            let seriesIndex = index - chart.shades.count
            let box = "\(f(entry.x)) \(f(entry.y)) \(f(entry.width)) \(f(entry.height))"
            out += "<g class=\"legend legend-entry\" data-box=\"\(box)\">"
            if isShade {
                out +=
                    "<rect x=\"\(f(entry.x))\" y=\"\(f(entry.y + 1))\" width=\"\(f(LegendLayout.swatch))\" height=\"12\" "
                out += "fill=\"#000000\" fill-opacity=\"0.12\"/>"
            } else {
                out +=
                    "<rect x=\"\(f(entry.x))\" y=\"\(f(entry.y + 5))\" width=\"\(f(LegendLayout.swatch))\" height=\"4\" "
                out += "fill=\"\(Self.colour(seriesIndex))\"/>"
            }
            out += "<text x=\"\(f(entry.x + LegendLayout.swatch + 6))\" y=\"\(f(entry.y + 11))\" "
            out += "font-size=\"\(f(LegendLayout.fontSize))\">\(SVGText.escape(entry.text))</text></g>\n"
        }
        out += "</svg>"
        return out
    }

    /// The path, band or error bars and markers of one series.
    private func drawSeries(
        _ line: ChartSeries, index: Int, px: (Double) -> Double?, py: (Double) -> Double
    ) -> String {
        let colour = Self.colour(index)
        let dash = index >= Self.paletteCount ? " stroke-dasharray=\"6 3\"" : ""
        let name = SVGText.escape(line.name)
        let points = line.points.compactMap { p in px(p.x).map { (x: $0, point: p) } }
        guard !points.isEmpty else { return "" }
        var out = ""
        if line.style == .line {
            // The band: contiguous runs of points with an interval.
            var run: [(x: Double, point: ChartPoint)] = []
            func flush() {
                if run.count > 1 {
                    var d = "M" + run.map { "\(f($0.x)) \(f(py($0.point.high!)))" }.joined(separator: " L")
                    d +=
                        " L" + run.reversed().map { "\(f($0.x)) \(f(py($0.point.low!)))" }.joined(separator: " L")
                        + " Z"
                    out +=
                        "<path class=\"band\" data-series=\"\(name)\" d=\"\(d)\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
                }
                run = []
            }
            for p in points { if p.point.low != nil && p.point.high != nil { run.append(p) } else { flush() } }
            flush()
        }
        var d = ""
        for (i, p) in points.enumerated() {
            let y = py(p.point.y)
            if i == 0 {
                d = "M\(f(p.x)) \(f(y))"
            } else if line.style == .steps {
                d += " H\(f(p.x)) V\(f(y))"
            } else {
                d += " L\(f(p.x)) \(f(y))"
            }
        }
        let widthAttribute = line.style == .markers ? "1.2" : "1.8"
        out += "<path class=\"series\" data-series=\"\(name)\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" "
        out += "stroke-width=\"\(widthAttribute)\"\(dash)/>\n"
        if line.style == .markers || points.count == 1 {
            for p in points {
                if let low = p.point.low, let high = p.point.high {
                    let a = py(high)
                    let b = py(low)
                    out +=
                        "<path class=\"error-bar\" d=\"M\(f(p.x)) \(f(a)) V\(f(b)) M\(f(p.x - 4)) \(f(a)) H\(f(p.x + 4)) "
                    out +=
                        "M\(f(p.x - 4)) \(f(b)) H\(f(p.x + 4))\" stroke=\"\(colour)\" stroke-width=\"1.2\" fill=\"none\"/>\n"
                }
                out +=
                    "<circle class=\"series\" data-series=\"\(name)\" cx=\"\(f(p.x))\" cy=\"\(f(py(p.point.y)))\" r=\"3.5\" "
                out += "fill=\"\(colour)\"/>\n"
            }
        }
        return out
    }

    static var paletteCount: Int { LineChart.palette.count }

    static func colour(_ index: Int) -> String { LineChart.palette[max(0, index) % LineChart.palette.count] }

    /// The x axis: the data's range (never running past it, except a little room for markers), or the categories.
    static func xScale(_ axis: ChartAxis, _ series: [ChartSeries]) -> Scale {
        if let categories = axis.categories {
            let ticks = categories.enumerated().map { (value: Double($0.offset), label: $0.element) }
            return Scale(low: -0.5, high: Double(max(1, categories.count)) - 0.5, logarithmic: false, ticks: ticks)
        }
        let logarithmic = axis.scale == .logarithmic
        let xs = series.flatMap { $0.points.map(\.x) }.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        var low = axis.range?.lowerBound ?? xs.min() ?? 0
        var high = axis.range?.upperBound ?? xs.max() ?? 1
        if axis.includesZero, !logarithmic { low = min(0, low) }
        let markers = series.contains { $0.style == .markers }
        if logarithmic {
            var a = log10(max(low, .leastNormalMagnitude))
            var b = log10(max(high, .leastNormalMagnitude))
            if b <= a {
                a -= 0.5
                b += 0.5
            }
            // Room on the left so a curve starting at the smallest value is not hidden under the y axis.
            a -= (b - a) * 0.03
            if markers { b += (b - a) * 0.05 }
            low = pow(10, a)
            high = pow(10, b)
            let ticks = LogTicks(minimum: low, maximum: high)
            let inside = ticks.values.filter { $0 >= low * (1 - 1e-9) && $0 <= high * (1 + 1e-9) }
            return Scale(low: low, high: high, logarithmic: true, ticks: inside.map { ($0, ticks.label($0)) })
        }
        if high <= low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        } else if markers {
            let pad = (high - low) * 0.05
            if !(axis.includesZero && low == 0) { low -= pad }
            high += pad
        }
        let ticks = NiceTicks(minimum: low, maximum: high, count: 6)
        let inside = ticks.values.filter { $0 >= low - ticks.step * 1e-6 && $0 <= high + ticks.step * 1e-6 }
        return Scale(low: low, high: high, logarithmic: false, ticks: inside.map { ($0, ticks.label($0)) })
    }

    /// The y axis: a fixed range, or round ticks around the data and its intervals.
    static func yScale(_ axis: ChartAxis, _ series: [ChartSeries]) -> Scale {
        // A quantity whose every value is at least 0 keeps its axis at 0 even where an interval reaches below it.
        let nonNegative = axis.includesZero && series.allSatisfy { $0.points.allSatisfy { $0.y >= 0 } }
        var values: [Double] = []
        for line in series {
            for p in line.points {
                values.append(p.y)
                if let low = p.low { values.append(nonNegative ? max(0, low) : low) }
                if let high = p.high { values.append(high) }
            }
        }
        values = values.filter(\.isFinite)
        var low = axis.range?.lowerBound ?? values.min() ?? 0
        let high = axis.range?.upperBound ?? values.max() ?? 1
        if axis.includesZero { low = min(0, low) }
        let ticks = NiceTicks(minimum: low, maximum: high, count: 5)
        let lower = axis.range?.lowerBound ?? ticks.lower
        let upper = axis.range?.upperBound ?? ticks.upper
        return Scale(
            low: lower, high: upper, logarithmic: false,
            ticks: ticks.values.filter { $0 >= lower - 1e-12 && $0 <= upper + 1e-12 }.map { ($0, ticks.label($0)) })
    }
}

/// One decimal: enough for pixel positions, and stable text for byte-identical reports.
func f(_ value: Double) -> String { String(format: "%.1f", value) }
