/// A grid of variations of a scenario: for each axis, a field path and the values it takes.
///
/// Points are the Cartesian product of the axes, enumerated with the first axis varying slowest and the axes in
/// file order, like nested loops written in the order of the file (see ``Scenario/sweepPoints()``). Every value was
/// checked like the field it sets, and every point was checked for rules across fields, when the file was loaded.
package struct Sweep: Hashable, Sendable {
    /// The most axes in one sweep.
    package static let maximumAxes = 16
    /// The most values on one axis.
    package static let maximumValuesPerAxis = 1000
    /// The most points in one sweep.
    package static let maximumPoints = 10_000

    /// The axes in file order; empty when the scenario has no sweep.
    package internal(set) var axes: [SweepAxis] = []

    /// No sweep.
    package init() {}

    /// Whether there is no sweep (the scenario is a single point).
    package var isEmpty: Bool { axes.isEmpty }

    /// The number of points: the product of the axes' sizes, or 1 without a sweep.
    package var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }
}

/// One axis of a sweep: a field and the values it takes, in file order.
package struct SweepAxis: Hashable, Sendable {
    /// The dotted field path, e.g. `shards.count`.
    package let path: String
    /// The values, in file order.
    package let values: [SweepValue]
}

/// One value of a sweep axis, checked like the field it sets.
package struct SweepValue: Hashable, Sendable {
    /// The canonical spelling, e.g. `20%`; used in labels and in the canonical YAML.
    package let text: String
    /// Writes the value into a scenario.
    let apply: @Sendable (inout Scenario) -> Void

    /// Two values are equal when they are spelled the same (the axis fixes the field).
    package static func == (lhs: SweepValue, rhs: SweepValue) -> Bool { lhs.text == rhs.text }

    /// Hashes the spelling.
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
