/// One point of a sweep: a scenario with the sweep's values applied, its index and a label.
package struct SweepPoint: Hashable, Sendable {
    /// The point's position in the enumeration order, from 0.
    package let index: Int
    /// `path=value` for each axis, in axis order, joined by commas, e.g.
    /// `shards.count=16,workload.crossShardFraction=10%`; empty for a scenario without a sweep.
    package let label: String
    /// The scenario of this point: the base with the point's values applied and no sweep of its own.
    package let scenario: Scenario
}

extension Scenario {
    /// The runs this scenario stands for, one per sweep point (before replication over ``seeds``).
    ///
    /// Points are enumerated like nested loops over the axes in file order, the first axis outermost (varying
    /// slowest). For `sweep: {a: [1, 2], b: [x, y]}` the order is `a=1,b=x`, `a=1,b=y`, `a=2,b=x`, `a=2,b=y`,
    /// with indices 0 to 3. Without a sweep there is one point: index 0, empty label, this scenario.
    ///
    /// - Complexity: O(points × axes); a sweep has at most ``Sweep/maximumPoints`` points.
    package func sweepPoints() -> [SweepPoint] {
        var base = self
        base.sweep = Sweep()
        let axes = sweep.axes
        guard !axes.isEmpty else { return [SweepPoint(index: 0, label: "", scenario: base)] }
        return (0..<sweep.pointCount).map { index in
            var scenario = base
            var parts: [String] = []
            for (axis, value) in zip(axes, Self.coordinates(of: index, in: axes).map { $0.value }) {
                value.apply(&scenario)
                parts.append("\(axis.path)=\(value.text)")
            }
            return SweepPoint(index: index, label: parts.joined(separator: ","), scenario: scenario)
        }
    }

    /// The value index on each axis of point `index` (mixed-radix digits, last axis fastest).
    static func coordinates(of index: Int, in axes: [SweepAxis]) -> [(position: Int, value: SweepValue)] {
        var remainder = index
        var digits: [(Int, SweepValue)] = []
        for axis in axes.reversed() {
            let position = remainder % axis.values.count
            remainder /= axis.values.count
            digits.append((position, axis.values[position]))
        }
        return digits.reversed()
    }
}
