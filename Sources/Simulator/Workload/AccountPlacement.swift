import Beacon

/// Where a popular user sits among an EE's accounts: which account number the workload's Zipf rank `r` picks.
///
/// An account number is what a workload EE's block names (for the binary token EE it is the leaf index). With
/// ``dense`` the rank is the number (rank 1 is account 0), so the most popular users sit side by side in the tree
/// and share proof nodes: their witnesses come out smaller than any real accumulator's, which places an account at
/// a path derived from a hash of its key. ``hashed`` (the default) maps ranks to account numbers through a keyed
/// pseudorandom permutation of `0 ..< count`, different on every (run seed, EE, shard), so an account's position is
/// independent of how popular it is, as with hashed keys.
package enum AccountPlacement: String, Sendable, CaseIterable {
    /// Ranks through a keyed pseudorandom permutation (``HashedAccountPermutation``).
    case hashed
    /// Rank `r` is account `r − 1`: popular accounts are neighbours (the layout before hashed placement).
    case dense

    /// The account number that popularity rank `rank` (`1 ... count`) picks among `count` accounts.
    package func account(forRank rank: Int, count: Int, seed: UInt64, ee: EEID, shard: ShardID) -> UInt32 {
        switch self {
        case .dense: UInt32(rank - 1)
        case .hashed:
            HashedAccountPermutation(count: count, seed: seed, ee: ee, shard: shard).account(forRank: rank)
        }
    }
}

/// A keyed pseudorandom permutation of `0 ..< count`: a four-round Feistel network over the smallest domain of an
/// even number of bits holding `count`, whose round function is a 64-bit mixing hash of (key, round, half), walked
/// in cycles until the image falls below `count`.
///
/// The permutation is a pure function of (seed, EE, shard, count): it needs no table (a shard of 2²⁸ accounts costs
/// nothing to set up), and every machine computes the same one. The domain is below `4 · count`, so a rank costs
/// four iterations of four rounds on average.
package struct HashedAccountPermutation: Sendable {
    /// The number of accounts permuted.
    package let count: Int
    private let key: UInt64
    /// Bits per Feistel half.
    private let halfBits: Int

    /// The permutation of `count` accounts (`count ≤ 2³²`) of EE `ee` on `shard` in run `seed`.
    package init(count: Int, seed: UInt64, ee: EEID, shard: ShardID) {
        precondition(count >= 0 && UInt64(count) <= 1 << 32, "account count \(count) is outside 0 ... 2^32")
        self.count = count
        key = Self.mix(Self.mix(seed ^ 0x6163_636f_756e_7473) ^ UInt64(ee.index) << 16 ^ UInt64(shard.index))
        var bits = 0
        while (1 << UInt64(bits)) < UInt64(count) { bits += 1 }
        halfBits = (bits + 1) / 2
    }

    /// The account number of popularity rank `rank` (`1 ... count`).
    package func account(forRank rank: Int) -> UInt32 {
        precondition((1...max(1, count)).contains(rank), "rank \(rank) is outside 1 ... \(count)")
        var value = UInt64(rank - 1)
        // Cycle walking: a permutation of the domain restricted to 0 ..< count is a permutation of it.
        repeat { value = permuteDomain(value) } while value >= UInt64(count)
        return UInt32(value)
    }

    /// One pass of the Feistel network over `0 ..< 4^halfBits`.
    private func permuteDomain(_ value: UInt64) -> UInt64 {
        guard halfBits > 0 else { return value }
        let mask: UInt64 = (1 << UInt64(halfBits)) - 1
        var left = value >> UInt64(halfBits)
        var right = value & mask
        for round in UInt64(0)..<4 {
            let next = left ^ (Self.mix(key &+ round &* 0x9e37_79b9_7f4a_7c15 ^ right) & mask)
            left = right
            right = next
        }
        return left << UInt64(halfBits) | right
    }

    /// SplitMix64's finalizer: a bijective 64-bit mixing hash.
    private static func mix(_ input: UInt64) -> UInt64 {
        var z = input &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
