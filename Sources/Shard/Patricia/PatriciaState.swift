import Beacon
import Foundation

/// The full state of one Patricia token EE on one shard: every account, by number, and the hexary Merkle Patricia
/// trie that holds them under `keccak256(address)`, whose root hash is the EE's state root.
package struct PatriciaState: Sendable {
    /// Accounts `0 ..< accounts.count`, by number.
    package private(set) var accounts: [PatriciaAccount]
    /// The trie of every account (``PatriciaAccount/key`` → ``PatriciaAccount/value``).
    package private(set) var trie: PatriciaTrie

    /// The state of `accounts`, which must be numbered `0 ..< accounts.count` in order with distinct addresses.
    ///
    /// - Complexity: one hash per account for its key, and one RLP encoding and hash per trie node (about two per
    ///   account).
    package init(accounts: [PatriciaAccount]) {
        precondition(accounts.enumerated().allSatisfy { UInt32($0.offset) == $0.element.number }, "numbered in order")
        self.accounts = accounts
        self.trie = PatriciaTrie(entries: accounts.map { ($0.key, $0.value) })
    }

    /// `accountCount` users of run `seed` on `shard`, each holding `balance`; user `i`'s key is
    /// ``PatriciaSigning/privateKey(seed:shard:account:)``.
    package static func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> PatriciaState {
        PatriciaState(
            accounts: (0..<accountCount).map {
                PatriciaAccount(
                    number: UInt32($0), address: PatriciaSigning.address(seed: seed, shard: shard, account: UInt32($0)),
                    balance: balance)
            })
    }

    /// The state root: the trie's root hash.
    package var root: Root { Root(bytes: trie.rootHash) ?? .zero }

    /// The account numbered `number`, if there is one.
    package func account(_ number: UInt32) -> PatriciaAccount? {
        Int(number) < accounts.count ? accounts[Int(number)] : nil
    }

    /// A block of `transactions` for `shard` with the multiproof of every existing account they name (a transaction
    /// naming no account is reported malformed).
    package func block(shard: ShardID, transactions: [TokenTransaction]) -> PatriciaBlock {
        let touched = Set(transactions.flatMap(\.accountIndices)).compactMap { account($0)?.key }
        return PatriciaBlock(shard: shard, transactions: transactions, witness: trie.multiproof(keys: touched))
    }

    /// Writes a successful execution's accounts into the state; if its root was the execution's pre-state root, it
    /// is then the post-state root.
    ///
    /// - Complexity: one node rebuilt per distinct node on the changed accounts' paths.
    package mutating func apply(_ outcome: PatriciaOutcome) {
        precondition(outcome.succeeded, "only a successful execution changes the state")
        let changed = outcome.accounts.filter { account($0.number) != $0 }
        for account in changed { accounts[Int(account.number)] = account }
        trie = trie.updating(changed.map { ($0.key, $0.value) })
    }
}

extension PatriciaState: Equatable {
    /// States are equal when their roots are: the root commits to every account.
    package static func == (lhs: PatriciaState, rhs: PatriciaState) -> Bool { lhs.root == rhs.root }
}

/// A state is stored as its accounts, packed as 36-byte records — address (20), balance (8, big-endian), nonce (8,
/// big-endian) — in number order; the trie is rebuilt.
extension PatriciaState: Codable {
    private enum CodingKeys: String, CodingKey { case accounts }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let records = TokenAccount.records(
            of: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
        try container.encode(records, forKey: .accounts)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bytes = [UInt8](try container.decode(Data.self, forKey: .accounts))
        guard let records = TokenAccount.accounts(fromRecords: bytes) else {
            throw DecodingError.dataCorruptedError(
                forKey: .accounts, in: container, debugDescription: "expected 36-byte account records")
        }
        let accounts = records.enumerated().map { number, record in
            PatriciaAccount(
                number: UInt32(number), address: record.address, balance: record.balance, nonce: record.nonce)
        }
        self.init(accounts: accounts)
    }
}
