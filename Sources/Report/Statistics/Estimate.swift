/// The mean of a figure across seeds and, from 3 seeds on, its 95 % confidence interval (Student t, n − 1 degrees
/// of freedom).
///
/// With fewer than 3 seeds no interval is given: t(0.975, 1) = 12.7 makes a two-seed interval meaningless, so a
/// report prints the values themselves (see ``NumberFormat/estimate(_:unit:)``).
public struct Estimate: Sendable, Equatable {
    /// The fewest values an interval is computed from.
    public static let minimumCountForInterval = 3

    /// The values, in input order.
    public let values: [Double]
    /// How many values (seeds) the estimate rests on.
    public var count: Int { values.count }
    public let mean: Double
    /// The sample standard deviation (n − 1 in the denominator); `nil` with one value.
    public let standardDeviation: Double?
    /// Half the width of the 95 % interval, `t(0.975, n−1) · s / √n`; `nil` with fewer than 3 values.
    public let halfWidth: Double?

    /// The estimate from `values`; `nil` when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let count = values.count
        let mean = values.reduce(0, +) / Double(count)
        self.values = values
        self.mean = mean
        guard count > 1 else {
            standardDeviation = nil
            halfWidth = nil
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        let sd = variance.squareRoot()
        standardDeviation = sd
        // No interval from a non-finite value (inf or nan in a file): it would not be a range.
        halfWidth =
            count >= Self.minimumCountForInterval && sd.isFinite && mean.isFinite
            ? StudentT.critical975(degreesOfFreedom: count - 1) * sd / Double(count).squareRoot() : nil
    }

    /// The interval `[mean − h, mean + h]`, from 3 values on.
    public var interval: ClosedRange<Double>? {
        halfWidth.map { (mean - $0)...(mean + $0) }
    }

    /// Whether every value is the same (a figure the seed does not change).
    public var isConstant: Bool { values.allSatisfy { $0 == values[0] } }
}
