extension RandomStream {
    /// A uniformly distributed integer in `0 ..< bound`, without modulo bias.
    ///
    /// Lemire's multiply-and-reject method ("Fast Random Integer Generation in an Interval", 2019): the high word of
    /// `next() × bound` is the result, and the rare draws whose low word falls in the biased remainder are redrawn.
    /// Swift's own `random(in:using:)` uses a similar method, but its exact algorithm is not a documented contract,
    /// so we spell ours out.
    ///
    /// - Precondition: `bound > 0`.
    /// - Complexity: One draw, plus on average fewer than `bound / 2⁶⁴` redraws.
    package mutating func uniform(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "uniform(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            // 2⁶⁴ mod bound: the low words below it belong to an incomplete last round and would bias the result.
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniformly distributed integer in `0 ..< bound`, for indexing; see ``uniform(below:)-(UInt64)``.
    ///
    /// - Precondition: `bound > 0`.
    package mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "uniform(below:) needs a positive bound")
        return Int(uniform(below: UInt64(bound)))
    }

    /// A uniformly distributed integer in `range`, both ends included.
    package mutating func uniform(in range: ClosedRange<UInt64>) -> UInt64 {
        let width = range.upperBound - range.lowerBound
        // The full 64-bit range has 2⁶⁴ values, one more than a UInt64 bound can say.
        if width == .max { return next() }
        return range.lowerBound + uniform(below: width + 1)
    }

    /// A uniformly distributed `Double` in `[0, 1)`: one of the 2⁵³ multiples of 2⁻⁵³, all equally likely.
    ///
    /// The top 53 bits of a draw, scaled exactly; no rounding happens, so the result is the same everywhere. We do
    /// not use `Double.random(in:using:)`, whose algorithm the standard library does not promise to keep.
    package mutating func unitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with probability `probability`.
    ///
    /// - Precondition: `0 ≤ probability ≤ 1`. Exactly 0 is never true and exactly 1 always is.
    package mutating func bernoulli(_ probability: Double) -> Bool {
        precondition((0...1).contains(probability), "a probability must be in [0, 1], got \(probability)")
        return unitDouble() < probability
    }
}
