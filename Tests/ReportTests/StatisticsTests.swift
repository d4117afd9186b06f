import Testing

@testable import Report

/// Confidence intervals use Student's t with n − 1 degrees of freedom, checked against published table values.
@Suite struct StatisticsTests {
    @Test(
        "t(0.975) matches the standard table",
        arguments: [(1, 12.706), (2, 4.303), (9, 2.262), (30, 2.042), (60, 2.000), (120, 1.980)])
    func criticalValues(df: Int, expected: Double) {
        #expect(abs(StudentT.critical975(degreesOfFreedom: df) - expected) < 0.0015)
    }

    @Test("the estimate of 1, 2, 3 is 2 ± 4.303/√3")
    func estimateOfThree() throws {
        let estimate = try #require(Estimate([1, 2, 3]))
        #expect(estimate.mean == 2)
        #expect(estimate.standardDeviation == 1)
        #expect(abs(estimate.halfWidth! - 4.303 / 3.0.squareRoot()) < 1e-9)
        // The half-width to 2 significant digits, the mean to the same decimal place, n beside it.
        #expect(NumberFormat.estimate(estimate) == "2.0 ± 2.5 (n=3)")
    }

    @Test("fewer than 3 seeds list their values, never a t-interval; a constant figure says so")
    func fewSeeds() throws {
        let two = try #require(Estimate([0.75, 0.9166666]))
        #expect(two.halfWidth == nil)
        #expect(NumberFormat.estimate(two) == "0.75, 0.9167 (n=2)")
        #expect(NumberFormat.estimate(try #require(Estimate([48, 48, 48]))) == "48 (n=3, all equal)")
        #expect(NumberFormat.estimate(try #require(Estimate([7]))) == "7 (n=1)")
    }

    @Test("amounts are shown in units that read well: ETH, kB, Mgas, ms; other units unscaled")
    func displayUnits() throws {
        let gwei = DisplayUnit.choose(for: "gwei", magnitude: 6_320_195_000)
        #expect(gwei.name == "ETH")
        let burned = try #require(
            Estimate([6_320_195_000, 6_400_000_000, 6_250_000_000, 6_310_000_000, 6_330_000_000]))
        #expect(NumberFormat.estimate(burned, unit: gwei) == "6.322 ± 0.067 (n=5)")
        #expect(DisplayUnit.choose(for: "gwei", magnitude: 30).name == "gwei")
        #expect(DisplayUnit.choose(for: "bytes", magnitude: 583_124).name == "kB")
        #expect(DisplayUnit.choose(for: "gas", magnitude: 39_871_010).name == "Mgas")
        #expect(DisplayUnit.choose(for: "µs", magnitude: 2_500).name == "ms")
        #expect(DisplayUnit.choose(for: "transactions", magnitude: 1e9) == .unscaled("transactions"))
        #expect(NumberFormat.short(39_871_010) == "39,871,010")
    }

    @Test("one value has a mean but no interval; none has no estimate")
    func degenerate() {
        #expect(Estimate([5])?.halfWidth == nil)
        #expect(Estimate([5])?.mean == 5)
        #expect(Estimate([]) == nil)
    }
}
