/// `log`, `exp` and `log(k!)` computed with the basic IEEE 754 operations only, so that every machine gets the same
/// bits.
///
/// Why not the C library: `log` and `exp` are not correctly rounded by any standard, and glibc, Apple's libm and musl
/// (and glibc's own FMA and non-FMA variants) may differ in the last bit. One bit is enough to move a rounded
/// arrival time by a microsecond once in a few billion draws, and then two machines disagree about a run. `+`, `−`,
/// `×`, `÷` and `sqrt` are correctly rounded everywhere, and Swift never fuses them into FMAs on its own, so code built
/// from them is reproducible. Accuracy is within a few ulps of the true value, far below what the simulation notices.
package enum DeterministicMath {
    // ln 2 split fdlibm-style: `ln2High` has 32 significant bits, so `k × ln2High` is exact for |k| < 2²¹.
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    private static let sqrt2 = 1.414_213_562_373_095_048_80

    /// The natural logarithm of `x`.
    ///
    /// `x = m × 2ᵉ` with `m` in [√2/2, √2); then `ln m = 2 atanh(s)` with `s = (m − 1)/(m + 1)`, `|s| ≤ 0.172`, whose
    /// odd series reaches double precision after 11 terms.
    ///
    /// - Returns: `-infinity` for 0, NaN for negative or NaN input, `x` for +infinity.
    package static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else {
            if x == 0 { return -.infinity }
            return x == .infinity ? x : .nan
        }
        var m = x.significand  // exact, in [1, 2), also for subnormal x
        var e = Double(x.exponent)
        if m > sqrt2 {
            m *= 0.5  // exact
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let z = s * s
        // atanh(s)/s = 1 + z/3 + z²/5 + … + z¹¹/23, by Horner's rule.
        var series = 1.0 / 23
        for k in stride(from: 21.0, through: 1, by: -2) {
            series = series * z + 1 / k
        }
        let lnM = 2 * s * series
        return e * ln2High + (lnM + e * ln2Low)
    }

    /// `e` raised to `x`.
    ///
    /// `x = k ln 2 + r` with `k` an integer and `|r| ≤ ln 2 / 2`; `eʳ` from its Taylor series to degree 13 (error
    /// below 10⁻¹⁷), then scaled by `2ᵏ` exactly.
    ///
    /// - Returns: 0 below about −745, +infinity above about 709.8, NaN for NaN.
    package static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.8 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x / (ln2High + ln2Low)).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        // Σ rⁿ/n! for n ≤ 13 in nested form: 1 + r(1 + r/2(1 + r/3(… (1 + r/13)))).
        var series = 1.0
        for n in stride(from: 13.0, through: 1, by: -1) {
            series = 1 + r / n * series
        }
        // Scaling by 2ᵏ in two steps keeps subnormal results right when k is below the normal exponent range.
        let halfK = Int(k) / 2
        return series * power2(halfK) * power2(Int(k) - halfK)
    }

    /// `ln(k!)` for a whole number `k ≥ 0`: a table of sums of logarithms below 32, Stirling's series with four
    /// correction terms above (for `k ≥ 32` the first omitted term is below 10⁻¹⁷ of the result).
    ///
    /// Takes a `Double` because rejection samplers produce candidate counts far outside `Int`'s range.
    package static func logFactorial(_ k: Double) -> Double {
        precondition(k >= 0 && k == k.rounded(.down), "log(k!) needs a whole number k ≥ 0, got \(k)")
        if k < Double(logFactorialTable.count) { return logFactorialTable[Int(k)] }
        let x = k + 1  // ln k! = ln Γ(k + 1)
        let inverse = 1 / x
        let inverse2 = inverse * inverse
        let correction = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 / 1680)))
        return (x - 0.5) * log(x) - x + halfLog2Pi + correction
    }

    /// ½ ln(2π).
    private static let halfLog2Pi = 0.918_938_533_204_672_741_78

    /// `ln(k!)` for `k < 32`, summed from our own `log` so that the table is reproducible too.
    private static let logFactorialTable: [Double] = {
        var table = [0.0]
        for k in 1..<32 { table.append(table[k - 1] + log(Double(k))) }
        return table
    }()

    /// 2ⁿ for n in the normal exponent range −1022…1023, built from its bits.
    private static func power2(_ n: Int) -> Double {
        Double(sign: .plus, exponent: n, significand: 1)
    }
}
