import Beacon

/// What a state provider does with a sparse tree: create it, build blocks with their witness, and follow executed
/// blocks.
extension SparseTree {
    /// The tree of `accountCount` simulated users on `shard` for run `seed`, each holding `balance` with nonce 0 —
    /// the token EE's users (``TokenSigning/privateKey(seed:shard:account:)``), account `i` at `keccak256(address)`.
    ///
    /// - Complexity: one public-key derivation per account and about `N · (256 − log₂ N)` hashes.
    package static func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> SparseTree {
        SparseTree(
            accounts: (0..<accountCount).map { i in
                TokenAccount(
                    address: TokenSigning.address(seed: seed, shard: shard, account: UInt32(i)), balance: balance)
            })
    }

    /// A block of `transactions` for `shard`, with the witness of every account they touch that exists (a
    /// transaction naming another is reported ``TokenResultCode/malformed``).
    package func block(shard: ShardID, transactions: [TokenTransaction]) -> SparseBlock {
        let touched = transactions.flatMap(\.accountIndices).filter { Int($0) < count }
        return SparseBlock(shard: shard, transactions: transactions, witness: multiproof(for: touched))
    }

    /// Writes a successful execution's accounts into the tree; its root is then the execution's post-state root.
    package mutating func apply(_ outcome: TokenOutcome) {
        precondition(outcome.succeeded, "only a successful execution changes the state")
        setAccounts(outcome.accounts.filter { $0.account != account($0.index) })
    }
}
