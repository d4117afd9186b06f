/// The Zipf distribution over the ranks `1...count`: rank `k` has probability proportional to `1 / kˢ`.
///
/// For skewed choices such as which account or which shard a user picks: with exponent 1 over 1,000 accounts, the
/// top account gets about 13 % of the picks and the top ten about 39 %. Exponent 0 is the uniform distribution.
///
/// The table of cumulative weights is built once; each draw is one ``RandomStream/unitDouble()`` and a binary
/// search. The weights `k^−s` are computed as `exp(−s ln k)` with ``DeterministicMath``, so the table, and therefore
/// every draw, is the same on every machine.
///
/// ```swift
/// let accounts = ZipfDistribution(count: 5_000, exponent: 1.1)
/// let rank = accounts.sample(using: &stream)   // 1 is the most likely
/// ```
///
/// - Complexity: `init` is O(count) time and 8 × count bytes; ``sample(using:)`` is O(log count).
package struct ZipfDistribution: Sendable {
    /// The number of ranks.
    package let count: Int
    /// The exponent `s`.
    package let exponent: Double
    /// `cumulative[i]` is the sum of the weights of ranks `1...i+1`, unnormalized: dividing would round, while
    /// scaling the uniform draw by the total keeps the table exact sums.
    private let cumulative: [Double]

    /// Builds the table for ranks `1...count` with exponent `exponent`.
    ///
    /// - Precondition: `count ≥ 1` and `exponent` is finite and not negative.
    package init(count: Int, exponent: Double) {
        precondition(count >= 1, "a Zipf distribution needs at least one rank, got \(count)")
        precondition(exponent >= 0 && exponent.isFinite, "a Zipf exponent must be finite and ≥ 0, got \(exponent)")
        self.count = count
        self.exponent = exponent
        var cumulative: [Double] = []
        cumulative.reserveCapacity(count)
        var sum = 0.0
        for rank in 1...count {
            sum += DeterministicMath.exp(-exponent * DeterministicMath.log(Double(rank)))
            cumulative.append(sum)
        }
        self.cumulative = cumulative
    }

    /// The probability of `rank`, for reports and tests.
    package func probability(of rank: Int) -> Double {
        precondition((1...count).contains(rank), "rank \(rank) is outside 1...\(count)")
        let below = rank == 1 ? 0 : cumulative[rank - 2]
        return (cumulative[rank - 1] - below) / cumulative[count - 1]
    }

    /// A rank in `1...count`, drawn from `stream`.
    ///
    /// - Complexity: O(log count).
    package func sample(using stream: inout RandomStream) -> Int {
        let target = stream.unitDouble() * cumulative[count - 1]
        // The first rank whose cumulative weight exceeds the target.
        var low = 0
        var high = count - 1
        while low < high {
            let middle = low + (high - low) / 2
            if cumulative[middle] > target {
                high = middle
            } else {
                low = middle + 1
            }
        }
        // If rounding made the target equal to the total, the search ends on the last rank, which is right.
        return low + 1
    }
}
