extension RandomStream {
    /// A Poisson-distributed count with mean `mean`, such as the number of transactions arriving in one slot.
    ///
    /// Two exact algorithms, as in NumPy:
    /// - below a mean of 10, Knuth's multiplication method: multiply uniforms until the product drops to `e^−mean`
    ///   (on average `mean + 1` draws);
    /// - from 10 up, Hörmann's PTRS transformed rejection ("The transformed rejection method for generating Poisson
    ///   random variables", 1993): about 2.2 draws whatever the mean.
    ///
    /// `exp`, `log` and `log(k!)` come from ``DeterministicMath``, so counts are the same on every machine.
    ///
    /// - Precondition: `mean` is finite and not negative. A mean of 0 always gives 0.
    package mutating func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean.isFinite, "a Poisson count needs a finite mean ≥ 0, got \(mean)")
        if mean == 0 { return 0 }
        return mean < 10 ? poissonByMultiplication(mean: mean) : poissonByTransformedRejection(mean: mean)
    }

    /// Knuth: the count of uniforms whose running product stays above `e^−mean`.
    private mutating func poissonByMultiplication(mean: Double) -> Int {
        let limit = DeterministicMath.exp(-mean)
        var count = 0
        var product = unitDouble()
        while product > limit {
            count += 1
            product *= unitDouble()
        }
        return count
    }

    /// Hörmann's PTRS, transcribed from the paper's algorithm (and NumPy's `random_poisson_ptrs`).
    private mutating func poissonByTransformedRejection(mean: Double) -> Int {
        let rootMean = mean.squareRoot()  // IEEE square root is correctly rounded: reproducible
        let logMean = DeterministicMath.log(mean)
        let b = 0.931 + 2.53 * rootMean
        let a = -0.059 + 0.02483 * b
        let logInverseAlpha = DeterministicMath.log(1.1239 + 1.1328 / (b - 3.4))
        let vr = 0.9277 - 3.6224 / (b - 2)

        while true {
            let u = unitDouble() - 0.5
            let v = unitDouble()
            let us = 0.5 - abs(u)
            // Kept as a Double until accepted: for us near 0 the candidate is huge, or −∞ when us is exactly 0.
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = DeterministicMath.log(v) + logInverseAlpha - DeterministicMath.log(a / (us * us) + b)
            let rhs = -mean + k * logMean - DeterministicMath.logFactorial(k)
            if lhs <= rhs, let count = Int(exactly: k) { return count }
        }
    }
}
