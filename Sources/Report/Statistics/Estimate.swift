/// The mean of a figure across seeds and its 95 % confidence interval (Student t, n − 1 degrees of freedom).
public struct Estimate: Sendable, Equatable {
    /// How many values (seeds) the estimate rests on.
    public let count: Int
    public let mean: Double
    /// The sample standard deviation (n − 1 in the denominator); `nil` with one value.
    public let standardDeviation: Double?
    /// Half the width of the 95 % interval, `t(0.975, n−1) · s / √n`; `nil` with one value.
    public let halfWidth: Double?

    /// The estimate from `values`; `nil` when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let count = values.count
        let mean = values.reduce(0, +) / Double(count)
        self.count = count
        self.mean = mean
        guard count > 1 else {
            standardDeviation = nil
            halfWidth = nil
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        let sd = variance.squareRoot()
        standardDeviation = sd
        halfWidth = StudentT.critical975(degreesOfFreedom: count - 1) * sd / Double(count).squareRoot()
    }

    /// The interval `[mean − h, mean + h]`, when there are at least two values.
    public var interval: ClosedRange<Double>? {
        halfWidth.map { (mean - $0)...(mean + $0) }
    }
}
