/// One named line of a chart.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    /// The points in drawing order.
    public var points: [(x: Double, y: Double)]
    /// Whether the line is drawn as steps (for CDFs) rather than straight segments.
    public var steps: Bool

    public init(name: String, points: [(x: Double, y: Double)], steps: Bool = false) {
        self.name = name
        self.points = points
        self.steps = steps
    }

    /// The empirical CDF of `values`: for each distinct value, the share of values at most that value.
    public static func cdf(name: String, values: [Double]) -> ChartSeries {
        let sorted = values.sorted()
        var points: [(x: Double, y: Double)] = []
        let n = Double(sorted.count)
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, sorted[j + 1] == sorted[i] { j += 1 }
            if points.isEmpty { points.append((sorted[i], 0)) }
            points.append((sorted[i], Double(j + 1) / n))
            i = j + 1
        }
        return ChartSeries(name: name, points: points, steps: true)
    }

    public static func == (lhs: ChartSeries, rhs: ChartSeries) -> Bool {
        lhs.name == rhs.name && lhs.steps == rhs.steps && lhs.points.count == rhs.points.count
            && zip(lhs.points, rhs.points).allSatisfy { $0.x == $1.x && $0.y == $1.y }
    }
}
