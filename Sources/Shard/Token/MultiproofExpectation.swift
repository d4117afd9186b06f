import Foundation

/// The expected size of a binary multiproof (``TokenTree/multiproof(for:)``) of `k` leaves drawn uniformly at
/// random, without repetition, from the `occupied` leaves `0 ..< occupied` of a tree of `depth` levels.
///
/// **Derivation.** The proof carries one hash for every node whose subtree holds a proven leaf while its sibling's
/// subtree holds none (the sibling's hash cannot be computed, so it is sent; when both hold one, neither is sent).
/// Let a node's subtree cover `a` occupied leaves and its sibling's `b`. With `q(m) = C(N − m, k) / C(N, k)` the
/// probability that a uniform `k`-subset of the `N` occupied leaves misses `m` given ones,
///
///     P(node holds ≥ 1, sibling holds none) = q(b) − q(a + b),
///
/// so the expected number of proof hashes is the sum of `q(b) − q(a + b)` over every node below the root
/// (by linearity of expectation; no independence is assumed). Nodes of a level all cover `2^h` leaves except the
/// one straddling `N` and the empty ones past it, so each level is a few closed-form terms. This is exact, unlike
/// the folklore `k · log₂(N / k)` hashes, which is neither a bound nor an expectation (it ignores that subtrees near
/// the leaves often hold two proven leaves and near the root always do).
///
/// Witness bytes are then `8 + 40 · k + 32 · E[hashes]` (``TokenWitness/byteCount``).
package enum MultiproofExpectation {
    /// The expected number of proof hashes for `k` distinct uniformly random leaves of `occupied` (`k ≤ occupied ≤
    /// 2^depth`).
    package static func expectedHashes(leaves k: Int, occupied: Int, depth: Int) -> Double {
        precondition(k >= 0 && k <= occupied && UInt64(occupied) <= 1 << UInt64(depth), "need k ≤ N ≤ 2^depth")
        guard k > 0 else { return 0 }
        let missing = MissProbability(occupied: occupied, leaves: k)
        var total = 0.0
        for height in 0..<depth {
            let size = 1 << height
            // Sibling pairs at this height: full pairs, then at most one pair holding the straddling node.
            let fullPairs = occupied / (2 * size)
            total += Double(fullPairs) * 2 * (missing.q(size) - missing.q(2 * size))
            let rest = occupied - fullPairs * 2 * size
            if rest > 0 {
                let left = min(rest, size)
                let right = rest - left
                total += missing.q(right) - missing.q(rest)
                if right > 0 { total += missing.q(left) - missing.q(rest) }
            }
        }
        return total
    }

    /// The expected witness bytes (``TokenWitness/byteCount``) for `k` distinct uniformly random leaves.
    package static func expectedWitnessBytes(leaves k: Int, occupied: Int, depth: Int) -> Double {
        Double(8 + TokenWitness.leafByteCount * k) + 32 * expectedHashes(leaves: k, occupied: occupied, depth: depth)
    }

    /// `q(m) = C(N − m, k) / C(N, k) = ∏_{i<k} (1 − m / (N − i))`, summed in logarithms (`log1p` keeps the small
    /// ratios of a big tree exact).
    private struct MissProbability {
        let occupied: Int
        let leaves: Int

        func q(_ m: Int) -> Double {
            guard m > 0 else { return 1 }
            guard occupied - m >= leaves else { return 0 }
            var logQ = 0.0
            for i in 0..<leaves { logQ += log1p(-Double(m) / Double(occupied - i)) }
            return exp(logQ)
        }
    }
}
