import Foundation

/// The expected size of a sparse multiproof (``SparseTree/multiproof(for:)``) of `k` accounts drawn uniformly at
/// random from `N` live accounts whose keys are uniformly random 256-bit numbers (Keccak-256 as a random oracle).
///
/// **Derivation.** A node at height `h` covers a fraction `p = 2^(h−256)` of the key space; there are `1/p` such
/// nodes. The proof consumes one sibling for every node on a proven path whose sibling holds no proven account (when
/// both hold one, the two are hashed together instead), and that sibling costs a hash exactly when it holds at least
/// one of the `N − k` other live accounts (else it is the empty subtree: one bitmap bit). Since the `k` proven and the
/// `N − k` other keys are independent and uniform,
///
///     P(node holds a proven key, sibling none)   = (1 − p)^k − (1 − 2p)^k
///     P(sibling holds another live key)          = 1 − (1 − p)^(N−k)
///
/// so, by linearity of expectation over the `1/p` nodes of each height,
///
///     E[siblings]  = Σ_{h<256} (1/p) · ((1 − p)^k − (1 − 2p)^k)
///     E[hashes]    = Σ_{h<256} (1/p) · ((1 − p)^k − (1 − 2p)^k) · (1 − (1 − p)^(N−k)).
///
/// `E[siblings]` is about `248–250 · k`; `E[hashes]` is `k · (log₂(N / k) + c)` with `c ≈ −0.54` whenever `k ≪ N`
/// (from this sum; 0 hashes when `k = N`): below height
/// `256 − log₂ N` almost every sibling is empty, above `256 − log₂ k` almost every one is shared. The witness is then
/// `8 + 40·k + ⌈siblings / 8⌉ + 32·hashes` bytes (``SparseWitness/byteCount``).
package enum SparseMultiproofExpectation {
    /// The expected number of siblings consumed and of proof hashes among them, for `k` of `n` live accounts.
    package static func expected(leaves k: Int, live n: Int) -> (siblings: Double, hashes: Double) {
        precondition(k >= 0 && k <= n, "need k ≤ N")
        guard k > 0 else { return (0, 0) }
        var siblings = 0.0
        var hashes = 0.0
        for height in 0..<SparseNodes.height {
            let p = exp2(Double(height - SparseNodes.height))
            let nodes = exp2(Double(SparseNodes.height - height))
            let holds: Double
            if p < 1e-3 {
                // (1 − p)^k − (1 − 2p)^k without cancellation: (1 − 2p)^k · expm1(k · (ln(1 − p) − ln(1 − 2p))).
                let a = Double(k) * log1p(-p)
                let b = Double(k) * log1p(-2 * p)
                holds = exp(b) * expm1(a - b)
            } else {
                holds = pow(1 - p, Double(k)) - pow(max(0, 1 - 2 * p), Double(k))
            }
            let occupied = -expm1(Double(n - k) * log1p(-p))
            siblings += nodes * holds
            hashes += nodes * holds * occupied
        }
        return (siblings, hashes)
    }

    /// The expected witness bytes, `8 + 40·k + E[siblings] / 8 + 32 · E[hashes]` (the bitmap's rounding up to whole
    /// bytes adds less than one byte).
    package static func expectedWitnessBytes(leaves k: Int, live n: Int) -> Double {
        let expected = expected(leaves: k, live: n)
        return Double(8 + SparseWitness.leafByteCount * k) + expected.siblings / 8 + 32 * expected.hashes
    }
}
