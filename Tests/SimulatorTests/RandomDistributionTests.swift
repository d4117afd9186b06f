import Foundation
import Simulator
import Testing

/// The hand-written draws have the right distributions.
///
/// Every check uses a fixed seed, so it either always passes or always fails. Tolerances are 5 standard errors of
/// the statistic (or, for χ², the degrees of freedom plus 5 of its standard deviations): a correct sampler passes
/// with probability above 1 − 10⁻⁶ for any seed, while a real bias of a percent or so fails.
@Suite struct RandomDistributionTests {
    private static let samples = 200_000

    private func stream(_ name: String) -> RandomStream { RandomStream(runSeed: 2024, name: name) }

    /// Mean and unbiased variance of `values`.
    private func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }

    /// Pearson's χ² of observed counts against expected probabilities; the last bin takes the remaining mass.
    private func chiSquare(counts: [Int], probabilities: [Double], total: Int) -> (statistic: Double, limit: Double) {
        var statistic = 0.0
        for (count, probability) in zip(counts, probabilities) {
            let expected = probability * Double(total)
            statistic += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        let degrees = Double(counts.count - 1)
        return (statistic, degrees + 5 * (2 * degrees).squareRoot())
    }

    @Test func uniformIntegersAreEvenlySpread() {
        var random = stream("uniform")
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<Self.samples { counts[random.uniform(below: 10)] += 1 }
        let fit = chiSquare(counts: counts, probabilities: Array(repeating: 0.1, count: 10), total: Self.samples)
        #expect(fit.statistic < fit.limit, "seed 2024, counts \(counts)")
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 32, 1 << 63, (1 << 63) + 1, .max] as [UInt64])
    func uniformIntegersStayBelowAnyBound(bound: UInt64) {
        var random = stream("bounds")
        var largest: UInt64 = 0
        for _ in 0..<10_000 {
            let value = random.uniform(below: bound)
            #expect(value < bound)
            largest = max(largest, value)
        }
        if bound > 1 { #expect(largest >= bound / 2, "10,000 draws never reached the upper half") }
    }

    @Test func uniformIntegersInAClosedRangeCoverBothEnds() {
        var random = stream("closed")
        let values = Set((0..<1_000).map { _ in random.uniform(in: 5...8) })
        #expect(values == [5, 6, 7, 8])
        _ = random.uniform(in: 0...UInt64.max)  // the full range must not trap
    }

    @Test func unitDoublesLieInTheHalfOpenUnitIntervalWithMeanOneHalf() {
        var random = stream("unit")
        let values = (0..<Self.samples).map { _ in random.unitDouble() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let standardError = (1.0 / 12 / Double(Self.samples)).squareRoot()
        #expect(abs(moments(values).mean - 0.5) < 5 * standardError)
    }

    @Test func bernoulliDrawsHitTheirProbability() {
        var random = stream("bernoulli")
        #expect((0..<1_000).allSatisfy { _ in !random.bernoulli(0) })
        #expect((0..<1_000).allSatisfy { _ in random.bernoulli(1) })
        let hits = (0..<Self.samples).filter { _ in random.bernoulli(0.3) }.count
        let standardError = (0.3 * 0.7 / Double(Self.samples)).squareRoot()
        #expect(abs(Double(hits) / Double(Self.samples) - 0.3) < 5 * standardError)
    }

    @Test(arguments: [0.001, 1, 250_000])
    func exponentialDrawsHaveTheRightMeanAndVariance(mean: Double) {
        var random = stream("exponential")
        let values = (0..<Self.samples).map { _ in random.exponential(mean: mean) }
        #expect(values.allSatisfy { $0 >= 0 && $0.isFinite })
        let (sampleMean, sampleVariance) = moments(values)
        let n = Double(Self.samples)
        // Standard error of the mean is mean/√n; of the variance, mean²·√(8/n) (fourth central moment 9·mean⁴).
        #expect(abs(sampleMean - mean) < 5 * mean / n.squareRoot())
        #expect(abs(sampleVariance - mean * mean) < 5 * mean * mean * (8 / n).squareRoot())
    }

    @Test func exponentialDurationsRoundToWholeMicroseconds() {
        var random = stream("durations")
        let values = (0..<Self.samples).map { _ in Double(random.exponentialDuration(mean: .milliseconds(250)).micros) }
        #expect(abs(moments(values).mean - 250_000) < 5 * 250_000 / Double(Self.samples).squareRoot())
    }

    @Test(arguments: [0.5, 3, 9.99, 10, 42, 1_000, 1e6])
    func poissonCountsHaveTheRightMeanAndVariance(mean: Double) {
        var random = stream("poisson")
        // Half the usual sample: below a mean of 10 each count costs mean + 1 uniforms. The bounds scale with n.
        let values = (0..<Self.samples / 2).map { _ in Double(random.poisson(mean: mean)) }
        #expect(values.allSatisfy { $0 >= 0 })
        let (sampleMean, sampleVariance) = moments(values)
        let n = Double(values.count)
        // Var(mean) = λ/n; Var(s²) ≈ (μ₄ − σ⁴)/n = (λ + 2λ²)/n for the Poisson distribution.
        #expect(abs(sampleMean - mean) < 5 * (mean / n).squareRoot())
        #expect(abs(sampleVariance - mean) < 5 * ((mean + 2 * mean * mean) / n).squareRoot())
    }

    /// Both algorithms (Knuth below 10, PTRS from 10) against the exact probabilities.
    @Test(arguments: [3.0, 25.0])
    func poissonCountsFollowTheExactProbabilities(mean: Double) {
        var random = stream("poisson-fit")
        let probability = { (k: Int) in
            Foundation.exp(-mean + Double(k) * Foundation.log(mean) - (lgamma(Double(k) + 1) as Double))
        }
        // Bins from 0 up to where the expected count drops below 20, then one bin for the rest of the tail
        // and one for the low tail folded into bin 0.
        let low = max(0, Int(mean - 4 * mean.squareRoot()))
        let high = Int(mean + 4 * mean.squareRoot())
        var counts = [Int](repeating: 0, count: high - low + 2)
        for _ in 0..<Self.samples {
            let k = random.poisson(mean: mean)
            counts[min(max(k, low), high + 1) - low] += 1
        }
        var probabilities = (low...high).map(probability)
        probabilities[0] += (0..<low).map(probability).reduce(0, +)
        probabilities.append(1 - probabilities.reduce(0, +))
        let fit = chiSquare(counts: counts, probabilities: probabilities, total: Self.samples)
        #expect(fit.statistic < fit.limit, "seed 2024, mean \(mean)")
    }

    @Test func zipfRanksFollowTheirProbabilities() {
        var random = stream("zipf")
        let zipf = ZipfDistribution(count: 1_000, exponent: 1.1)
        var counts = [Int](repeating: 0, count: 21)  // ranks 1…20, then everything above
        var rankSum = 0.0
        for _ in 0..<Self.samples {
            let rank = zipf.sample(using: &random)
            #expect((1...1_000).contains(rank))
            counts[min(rank, 21) - 1] += 1
            rankSum += Double(rank)
        }
        var probabilities = (1...20).map(zipf.probability(of:))
        probabilities.append(1 - probabilities.reduce(0, +))
        let fit = chiSquare(counts: counts, probabilities: probabilities, total: Self.samples)
        #expect(fit.statistic < fit.limit, "seed 2024, counts \(counts)")

        let mean = (1...1_000).reduce(0.0) { $0 + Double($1) * zipf.probability(of: $1) }
        let variance = (1...1_000).reduce(0.0) {
            $0 + (Double($1) - mean) * (Double($1) - mean) * zipf.probability(of: $1)
        }
        #expect(abs(rankSum / Double(Self.samples) - mean) < 5 * (variance / Double(Self.samples)).squareRoot())
    }

    @Test func zipfProbabilitiesMatchTheFormula() {
        let zipf = ZipfDistribution(count: 100, exponent: 1)
        let harmonic = (1...100).reduce(0.0) { $0 + 1 / Double($1) }
        #expect(abs(zipf.probability(of: 1) - 1 / harmonic) < 1e-12)
        #expect(abs(zipf.probability(of: 100) - 1 / (100 * harmonic)) < 1e-12)
        #expect(abs((1...100).reduce(0.0) { $0 + zipf.probability(of: $1) } - 1) < 1e-12)
    }

    @Test(arguments: [1, 2, 17])
    func zipfWithExponentZeroIsUniform(count: Int) {
        var random = stream("zipf-uniform")
        let zipf = ZipfDistribution(count: count, exponent: 0)
        var counts = [Int](repeating: 0, count: count)
        for _ in 0..<50_000 { counts[zipf.sample(using: &random) - 1] += 1 }
        if count == 1 { #expect(counts == [50_000]) }
        let fit = chiSquare(
            counts: counts,
            probabilities: Array(repeating: 1 / Double(count), count: count),
            total: 50_000
        )
        if count > 1 { #expect(fit.statistic < fit.limit) }
    }

    /// The first draws of each distribution for seed 1, name "x", pinned so that a change to an algorithm shows.
    @Test func theFirstDrawsOfEachDistributionArePinned() {
        var random = RandomStream(runSeed: 1, name: "x")
        let exponential = (0..<3).map { _ in random.exponential(mean: 1) }
        let small = (0..<5).map { _ in random.poisson(mean: 3) }
        let large = (0..<5).map { _ in random.poisson(mean: 100) }
        let zipf = ZipfDistribution(count: 100, exponent: 1)
        let ranks = (0..<5).map { _ in zipf.sample(using: &random) }
        let uniforms = (0..<5).map { _ in random.uniform(below: 1_000) }
        #expect(exponential.map(\.bitPattern) == [0x3fe8_d023_1daa_a493, 0x3fb3_668e_cbcf_d0d9, 0x3ff6_1ceb_9342_8794])
        #expect(small == [4, 3, 3, 4, 1])
        #expect(large == [115, 90, 92, 113, 92])
        #expect(ranks == [80, 2, 1, 3, 20])
        #expect(uniforms == [150, 421, 641, 855, 221])
    }
}
