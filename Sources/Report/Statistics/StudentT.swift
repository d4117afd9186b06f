/// Quantiles of Student's t distribution, for confidence intervals across seeds.
public enum StudentT {
    /// The two-sided 95 % critical value t(0.975, df) for df = 1 … 30 (standard tables, 3 decimals).
    static let table975: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    /// t(0.975, `degreesOfFreedom`): the tabulated value up to 30, then the Cornish–Fisher expansion around the
    /// normal quantile 1.959964 (error below 0.001 from df = 30 on).
    ///
    /// - Precondition: `degreesOfFreedom >= 1`.
    public static func critical975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "Student t needs at least one degree of freedom")
        if df <= table975.count { return table975[df - 1] }
        let z = 1.959964
        let n = Double(df)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
    }
}
