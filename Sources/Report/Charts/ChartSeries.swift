/// One point of a series: a value and, where the data has one, its 95 % interval across seeds.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// The interval's bounds; `nil` when there is no interval (fewer than 3 seeds, or a pooled distribution).
    public var low: Double?
    public var high: Double?
    /// How many values (seeds, or pooled observations) the point rests on, when known.
    public var count: Int?

    public init(x: Double, y: Double, low: Double? = nil, high: Double? = nil, count: Int? = nil) {
        self.x = x
        self.y = y
        self.low = low
        self.high = high
        self.count = count
    }
}

/// One named line of a chart.
public struct ChartSeries: Sendable, Equatable {
    /// How a series is drawn.
    public enum Style: Sendable, Equatable {
        /// Straight segments; intervals drawn as a shaded band.
        case line
        /// Steps (for CDFs): horizontal, then vertical.
        case steps
        /// Markers joined by thin segments; intervals drawn as error bars (for sweeps, where x is a parameter).
        case markers
    }

    /// The name in the legend, e.g. `one-slot (n=5 seeds)`.
    public var name: String
    /// The name in the figure's CSV (`series` column), e.g. `one-slot`; the legend name by default.
    public var key: String
    /// The points in drawing order.
    public var points: [ChartPoint]
    public var style: Style

    public init(name: String, key: String? = nil, points: [ChartPoint], style: Style = .line) {
        self.name = name
        self.key = key ?? name
        self.points = points
        self.style = style
    }

    /// A series from plain `(x, y)` pairs.
    public init(name: String, points: [(x: Double, y: Double)], steps: Bool = false) {
        self.init(name: name, points: points.map { ChartPoint(x: $0.x, y: $0.y) }, style: steps ? .steps : .line)
    }

    /// Whether the line is drawn as steps (a CDF).
    public var steps: Bool { style == .steps }

    /// Whether some point carries an interval.
    public var hasIntervals: Bool { points.contains { $0.low != nil && $0.high != nil } }

    /// The most points a CDF keeps: a chart is a few hundred pixels wide, and a run of hours has millions of
    /// transfers.
    public static let maximumCDFPoints = 400

    /// The empirical CDF of `values`: for each distinct value, the share of values at most that value. With more
    /// than ``maximumCDFPoints`` distinct values, the steps at evenly spaced ranks are kept (the first and the last
    /// always), so the curve is exact at those points and off by less than 1/400 of the share in between.
    public static func cdf(name: String, values: [Double]) -> ChartSeries {
        let sorted = values.filter(\.isFinite).sorted()
        var points: [ChartPoint] = []
        let n = Double(sorted.count)
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, sorted[j + 1] == sorted[i] { j += 1 }
            if points.isEmpty { points.append(ChartPoint(x: sorted[i], y: 0)) }
            points.append(ChartPoint(x: sorted[i], y: Double(j + 1) / n))
            i = j + 1
        }
        if points.count > maximumCDFPoints {
            let last = points.count - 1
            var kept: [ChartPoint] = []
            var previous = -1
            for k in 0..<maximumCDFPoints {
                let index = Int((Double(k) * Double(last) / Double(maximumCDFPoints - 1)).rounded())
                if index != previous { kept.append(points[index]) }
                previous = index
            }
            points = kept
        }
        return ChartSeries(name: name, points: points, style: .steps)
    }
}
