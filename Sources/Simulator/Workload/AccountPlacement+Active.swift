import Beacon

extension AccountPlacement {
    /// The account numbers of the active users of EE `ee` on `shard` — popularity ranks `1 ... active` among
    /// `count` accounts — in increasing order: the accounts that get keys at genesis when the rest are background
    /// accounts.
    package func activeAccounts(active: Int, count: Int, seed: UInt64, ee: EEID, shard: ShardID) -> [UInt32] {
        guard active > 0 else { return [] }
        switch self {
        case .dense: return (0..<UInt32(active)).map { $0 }
        case .hashed:
            let permutation = HashedAccountPermutation(count: count, seed: seed, ee: ee, shard: shard)
            return (1...active).map(permutation.account(forRank:)).sorted()
        }
    }
}
