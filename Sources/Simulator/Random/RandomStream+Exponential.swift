import Beacon

extension RandomStream {
    /// An exponentially distributed value with mean `mean`: the gap between arrivals of a Poisson process whose rate
    /// is `1 / mean`.
    ///
    /// Inversion: `−mean × ln(1 − u)` with `u` from ``unitDouble()``. `1 − u` is exact and lies in (0, 1], so the
    /// logarithm is finite; the largest value is about 36.7 × mean. The logarithm is ``DeterministicMath/log(_:)``,
    /// not the C library's, so the result has the same bits everywhere.
    ///
    /// - Precondition: `mean` is positive and finite.
    package mutating func exponential(mean: Double) -> Double {
        precondition(mean > 0 && mean.isFinite, "an exponential needs a positive finite mean, got \(mean)")
        return -mean * DeterministicMath.log(1 - unitDouble())
    }

    /// An exponentially distributed duration with mean `mean`, rounded to the nearest microsecond (possibly zero).
    ///
    /// - Precondition: `mean` is positive.
    package mutating func exponentialDuration(mean: SimDuration) -> SimDuration {
        precondition(mean.micros > 0, "an exponential needs a positive mean")
        let micros = exponential(mean: Double(mean.micros)).rounded()
        // At most ~36.7 × mean, so this fails only for means beyond 5 × 10¹⁷ µs (16,000 years).
        guard let exact = UInt64(exactly: micros) else {
            preconditionFailure("exponential duration \(micros) µs does not fit in SimDuration")
        }
        return SimDuration(micros: exact)
    }
}
