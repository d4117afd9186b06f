import Testing

@testable import Report

/// Confidence intervals use Student's t with n − 1 degrees of freedom, checked against published table values.
@Suite struct StatisticsTests {
    @Test("t(0.975) matches the standard table", arguments: [(1, 12.706), (2, 4.303), (9, 2.262), (30, 2.042), (60, 2.000), (120, 1.980)])
    func criticalValues(df: Int, expected: Double) {
        #expect(abs(StudentT.critical975(degreesOfFreedom: df) - expected) < 0.0015)
    }

    @Test("the estimate of 1, 2, 3 is 2 ± 4.303/√3")
    func estimateOfThree() throws {
        let estimate = try #require(Estimate([1, 2, 3]))
        #expect(estimate.mean == 2)
        #expect(estimate.standardDeviation == 1)
        #expect(abs(estimate.halfWidth! - 4.303 / 3.0.squareRoot()) < 1e-9)
        #expect(NumberFormat.estimate(estimate) == "2 ± 2.484")
    }

    @Test("one value has a mean but no interval; none has no estimate")
    func degenerate() {
        #expect(Estimate([5])?.halfWidth == nil)
        #expect(Estimate([5])?.mean == 5)
        #expect(Estimate([]) == nil)
    }
}
