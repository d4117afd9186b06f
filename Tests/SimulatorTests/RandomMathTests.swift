import Foundation
import Simulator
import Testing

/// `DeterministicMath` agrees with the C library to within a few units in the last place.
///
/// The C library is only a yardstick here: ours is the one the simulation uses, because its bits do not depend on
/// the platform. glibc's `log` and `exp` are within about 0.5 ulp of the true value, so a bound of 4 ulp between the
/// two leaves ours within 4.5 ulp of the truth, far below anything a simulation can notice.
@Suite struct RandomMathTests {
    private static let toleranceULPs = 4.0

    /// Distance from `value` to `reference`, in units of the reference's last place.
    private func ulps(_ value: Double, _ reference: Double) -> Double {
        abs(value - reference) / reference.ulp
    }

    @Test func logMatchesTheCLibraryAcrossTheWholeRange() {
        var random = RandomStream(runSeed: 1, name: "log-inputs")
        var worst = 0.0
        for _ in 0..<200_000 {
            // Random bit patterns of positive finite doubles: every exponent, subnormals included.
            let x = Double(bitPattern: random.uniform(below: Double.infinity.bitPattern - 1) + 1)
            worst = max(worst, ulps(DeterministicMath.log(x), Foundation.log(x)))
        }
        for _ in 0..<200_000 {
            // Near 1, where the result is tiny and relative error is hardest to keep.
            let x = 0.5 + 1.5 * random.unitDouble()
            let reference = Foundation.log(x)
            if reference != 0 { worst = max(worst, ulps(DeterministicMath.log(x), reference)) }
        }
        #expect(worst <= Self.toleranceULPs, "worst error \(worst) ulp")
    }

    @Test func logHandlesSpecialValues() {
        #expect(DeterministicMath.log(1) == 0)
        #expect(DeterministicMath.log(0) == -.infinity)
        #expect(DeterministicMath.log(.infinity) == .infinity)
        #expect(DeterministicMath.log(-1).isNaN)
        #expect(DeterministicMath.log(.nan).isNaN)
        #expect(ulps(DeterministicMath.log(.leastNonzeroMagnitude), Foundation.log(.leastNonzeroMagnitude)) <= 1)
        #expect(ulps(DeterministicMath.log(.greatestFiniteMagnitude), Foundation.log(.greatestFiniteMagnitude)) <= 1)
    }

    @Test func expMatchesTheCLibraryAcrossTheWholeRange() {
        var random = RandomStream(runSeed: 1, name: "exp-inputs")
        var worst = 0.0
        for _ in 0..<400_000 {
            let x = -745 + (709.7 + 745) * random.unitDouble()
            let reference = Foundation.exp(x)
            // Subnormal results carry fewer significant bits; compare those absolutely, in units of the smallest one.
            let error =
                reference.isNormal
                ? ulps(DeterministicMath.exp(x), reference)
                : abs(DeterministicMath.exp(x) - reference) / Double.leastNonzeroMagnitude
            worst = max(worst, error)
        }
        #expect(worst <= Self.toleranceULPs, "worst error \(worst) ulp")
    }

    @Test func expHandlesSpecialValues() {
        #expect(DeterministicMath.exp(0) == 1)
        #expect(DeterministicMath.exp(710) == .infinity)
        #expect(DeterministicMath.exp(-746) == 0)
        #expect(DeterministicMath.exp(.nan).isNaN)
        #expect(ulps(DeterministicMath.exp(1), M_E) <= 1)
    }

    @Test(arguments: [0, 1, 2, 10, 31, 32, 33, 100, 1_000, 123_456, 1e9, 1e15] as [Double])
    func logFactorialMatchesLogGamma(k: Double) {
        let reference: Double = lgamma(k + 1)
        let tolerance = max(abs(reference) * 1e-14, 1e-14)
        #expect(abs(DeterministicMath.logFactorial(k) - reference) <= tolerance)
    }
}
