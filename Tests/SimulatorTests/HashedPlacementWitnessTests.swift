import Beacon
import Shard
import Simulator
import Testing

/// With hashed placement, the binary token EE's witnesses are as large as theory says for leaves at random positions,
/// whatever the popularity law; with the dense layout, Zipf senders make them smaller (popular accounts are
/// neighbours and share proof nodes), which is the bias hashed placement removes.
@Suite struct HashedPlacementWitnessTests {
    private static let accountCount = 5_000
    private static let depth = TokenTree.depth(forAccountCount: accountCount)
    private static let blocks = 300
    private static let transfersPerBlock = 70

    /// A 5,000-account tree; witness sizes depend on positions only, so the accounts need no keys.
    private static let tree = TokenTree(
        depth: depth,
        accounts: (0..<accountCount).map { i in
            TokenAccount(address: Array(Keccak256.hash([UInt8(i & 0xff), UInt8(i >> 8)]).suffix(20)), balance: Gwei(1))
        })

    /// Measured and expected witness bytes and proof hashes, summed over the blocks.
    private struct Totals {
        var measuredBytes = 0
        var expectedBytes = 0.0
        var measuredHashes = 0
        var expectedHashes = 0.0
    }

    /// `blocks` blocks of `transfersPerBlock` transfers whose senders and recipients are drawn with `exponent` and
    /// placed by `placement`; each block's expectation is for its own number of distinct accounts.
    private func totals(exponent: Double, placement: AccountPlacement) -> Totals {
        let popularity = ZipfDistribution(count: Self.accountCount, exponent: exponent)
        var stream = RandomStream(runSeed: 11, name: "witness-\(exponent)-\(placement)")
        var totals = Totals()
        for _ in 0..<Self.blocks {
            var touched = Set<UInt32>()
            for _ in 0..<(2 * Self.transfersPerBlock) {
                touched.insert(
                    placement.account(
                        forRank: popularity.sample(using: &stream), count: Self.accountCount, seed: 7, ee: EEID(0),
                        shard: ShardID(3)))
            }
            let witness = Self.tree.multiproof(for: touched)
            totals.measuredBytes += witness.byteCount
            totals.measuredHashes += witness.hashes.count
            totals.expectedBytes += MultiproofExpectation.expectedWitnessBytes(
                leaves: touched.count, occupied: Self.accountCount, depth: Self.depth)
            totals.expectedHashes += MultiproofExpectation.expectedHashes(
                leaves: touched.count, occupied: Self.accountCount, depth: Self.depth)
        }
        return totals
    }

    @Test(arguments: [0.0, 1.0])
    func hashedPlacementMatchesTheExactExpectation(exponent: Double) {
        let totals = totals(exponent: exponent, placement: .hashed)
        let bytesRatio = Double(totals.measuredBytes) / totals.expectedBytes
        let hashesRatio = Double(totals.measuredHashes) / totals.expectedHashes
        #expect(abs(bytesRatio - 1) < 0.03, "witness bytes measured/expected = \(bytesRatio)")
        #expect(abs(hashesRatio - 1) < 0.03, "proof hashes measured/expected = \(hashesRatio)")
    }

    @Test func denseZipfWitnessesFallBelowTheExpectation() {
        let totals = totals(exponent: 1, placement: .dense)
        let hashesRatio = Double(totals.measuredHashes) / totals.expectedHashes
        #expect(hashesRatio < 0.9, "dense Zipf proof hashes measured/expected = \(hashesRatio)")
    }

    @Test func theExpectationMatchesKnownValues() {
        // One leaf of a full tree needs every sibling on its path; all leaves need none.
        #expect(MultiproofExpectation.expectedHashes(leaves: 1, occupied: 1 << 10, depth: 10) == 10)
        #expect(abs(MultiproofExpectation.expectedHashes(leaves: 1 << 10, occupied: 1 << 10, depth: 10)) < 1e-9)
        // Two leaves of a 4-leaf tree: siblings (1/3 of the pairs) need 1 hash, others 2 each → 1/3 + 4/3 = 5/3.
        #expect(abs(MultiproofExpectation.expectedHashes(leaves: 2, occupied: 4, depth: 2) - 5.0 / 3) < 1e-12)
        // One leaf of 5 in a depth-3 tree: heights 0 and 1 always need a sibling; at height 2 the leaf is in the left
        // half (4 of 5) → sibling needed for all 5: 3 hashes.
        #expect(abs(MultiproofExpectation.expectedHashes(leaves: 1, occupied: 5, depth: 3) - 3) < 1e-12)
    }

    @Test func theHashedPermutationIsABijection() {
        for count in [1, 2, 3, 5, 1_000, 4_097] {
            let permutation = HashedAccountPermutation(count: count, seed: 1, ee: EEID(2), shard: ShardID(4))
            let image = Set((1...count).map { permutation.account(forRank: $0) })
            #expect(image.count == count && image.allSatisfy { Int($0) < count })
        }
    }
}
