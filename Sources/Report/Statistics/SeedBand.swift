/// A quantity over x (a slot, say) measured in several seeds: at each x, the mean across the seeds that have it
/// and, where at least 3 do, the 95 % confidence interval of that mean.
public struct SeedBand: Sendable {
    /// One x: the estimate across seeds.
    public struct Point: Sendable {
        public let x: Double
        public let estimate: Estimate
    }

    public let points: [Point]

    /// From one `x → value` table per seed; x values present in any seed are kept, in increasing order.
    public init(perSeed: [[Double: Double]]) {
        var xs = Set<Double>()  // membership only; sorted below
        for table in perSeed { xs.formUnion(table.keys) }
        points = xs.sorted().compactMap { x in
            Estimate(perSeed.compactMap { $0[x] }).map { Point(x: x, estimate: $0) }
        }
    }

    /// The fewest seeds at any x (0 without points).
    public var minimumCount: Int { points.map(\.estimate.count).min() ?? 0 }
    /// The most seeds at any x.
    public var maximumCount: Int { points.map(\.estimate.count).max() ?? 0 }

    /// The chart series, values multiplied by `factor`.
    public func series(name: String, key: String, factor: Double = 1) -> ChartSeries {
        ChartSeries(
            name: name, key: key,
            points: points.map { p in
                ChartPoint(
                    x: p.x, y: p.estimate.mean * factor, low: p.estimate.interval.map { $0.lowerBound * factor },
                    high: p.estimate.interval.map { $0.upperBound * factor }, count: p.estimate.count)
            })
    }
}
