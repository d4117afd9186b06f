import Beacon

/// What a state provider does with a token tree: create it, build blocks with their witness, and follow executed
/// blocks.
extension TokenTree {
    /// A tree of `accountCount` simulated users on `shard` for run `seed`, each holding `balance` with nonce 0, at
    /// leaves `0 ..< accountCount`; user `i`'s key is ``TokenSigning/privateKey(seed:shard:account:)``.
    ///
    /// - Parameter depth: the tree's depth; by default the smallest that holds the accounts.
    /// - Complexity: one public-key derivation per account (about 25 µs each) and about `2 · accountCount` hashes.
    package static func genesis(
        seed: UInt64,
        shard: ShardID,
        accountCount: Int,
        balance: Gwei,
        depth: Int? = nil
    ) -> TokenTree {
        let accounts = (0..<accountCount).map { i in
            TokenAccount(address: TokenSigning.address(seed: seed, shard: shard, account: UInt32(i)), balance: balance)
        }
        return TokenTree(depth: depth ?? Self.depth(forAccountCount: accountCount), accounts: accounts)
    }

    /// A tree of `background.accountCount` accounts of run `background.seed` on `shard`, of which `active` (leaf
    /// indices below the count) are users with keys, each holding `background.balance` with nonce 0; every other
    /// account is a background account (``TokenBackgroundPattern``). User `i`'s key is
    /// ``TokenSigning/privateKey(seed:shard:account:)``, as in ``genesis(seed:shard:accountCount:balance:depth:)``.
    ///
    /// - Complexity: one public-key derivation and `depth` hashes per active user; the shared background pattern is
    ///   built once per process (about `2^(periodBits+1)` hashes).
    package static func genesis(
        shard: ShardID, background: BackgroundAccounts, active: [UInt32],
        periodBits: Int = TokenBackgroundPattern.defaultPeriodBits
    ) -> TokenTree {
        precondition(
            active.allSatisfy { Int($0) < background.accountCount }, "an active user lies outside the accounts")
        let leaves = active.map { index in
            TokenWitness.Leaf(
                index: index,
                account: TokenAccount(
                    address: TokenSigning.address(seed: background.seed, shard: shard, account: index),
                    balance: background.balance))
        }
        return TokenTree(
            depth: depth(forAccountCount: background.accountCount), background: background, accounts: leaves,
            periodBits: periodBits)
    }

    /// A block of `transactions` for `shard`, with the witness of every leaf they touch that lies inside the tree
    /// (a transaction naming a leaf outside it is reported ``TokenResultCode/malformed``).
    package func block(shard: ShardID, transactions: [TokenTransaction]) -> TokenBlock {
        let touched = transactions.flatMap(\.accountIndices).filter { UInt64($0) < capacity }
        return TokenBlock(depth: depth, shard: shard, transactions: transactions, witness: multiproof(for: touched))
    }

    /// Writes a successful execution's accounts into the tree. If the tree's root was the execution's pre-state
    /// root, it is then the execution's post-state root.
    ///
    /// - Complexity: one hash per distinct ancestor of the changed leaves (see ``setAccounts(_:)``).
    package mutating func apply(_ outcome: TokenOutcome) {
        precondition(outcome.succeeded, "only a successful execution changes the state")
        setAccounts(outcome.accounts.filter { $0.account != account(at: $0.index) })
    }
}
