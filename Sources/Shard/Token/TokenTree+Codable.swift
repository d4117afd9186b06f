import Beacon
import Foundation

/// A tree is stored as its depth and its accounts, packed as 36-byte records — address (20), balance (8,
/// big-endian), nonce (8, big-endian) — so checkpoints of large networks stay small; the inner nodes are rebuilt.
///
/// A tree with background accounts also stores its ``BackgroundAccounts`` and period, and only its stored accounts,
/// each record led by its index (4 bytes, big-endian): the background is rebuilt from its description.
extension TokenTree: Codable {
    private enum CodingKeys: String, CodingKey { case depth, accounts, background, periodBits }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(depth, forKey: .depth)
        var data = Data()
        if let background, let periodBits = backgroundPeriodBits {
            try container.encode(background, forKey: .background)
            try container.encode(periodBits, forKey: .periodBits)
            let stored = storedAccounts
            data.reserveCapacity(stored.count * 40)
            for leaf in stored {
                withUnsafeBytes(of: leaf.index.bigEndian) { data.append(contentsOf: $0) }
                leaf.account.appendRecord(to: &data)
            }
        } else {
            data = TokenAccount.records(of: accounts)
        }
        try container.encode(data, forKey: .accounts)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let depth = try container.decode(Int.self, forKey: .depth)
        let bytes = [UInt8](try container.decode(Data.self, forKey: .accounts))
        func account(at offset: Int) -> TokenAccount { TokenAccount(record: bytes, at: offset) }
        if let background = try container.decodeIfPresent(BackgroundAccounts.self, forKey: .background) {
            let periodBits = try container.decode(Int.self, forKey: .periodBits)
            guard (0...Self.maxDepth).contains(depth), (0...Self.maxDepth).contains(periodBits),
                background.accountCount >= 0, UInt64(background.accountCount) <= 1 << UInt64(depth),
                bytes.count % 40 == 0
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .background, in: container,
                    debugDescription: "expected a depth and period of 0...\(Self.maxDepth), at most 2^depth "
                        + "accounts and 40-byte stored accounts")
            }
            let leaves = stride(from: 0, to: bytes.count, by: 40).map { offset in
                TokenWitness.Leaf(
                    index: bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) },
                    account: account(at: offset + 4))
            }
            guard leaves.allSatisfy({ UInt64($0.index) < 1 << UInt64(depth) }) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .accounts, in: container, debugDescription: "a stored account lies outside the tree")
            }
            self.init(depth: depth, background: background, accounts: leaves, periodBits: periodBits)
            return
        }
        guard (0...Self.maxDepth).contains(depth), let accounts = TokenAccount.accounts(fromRecords: bytes),
            accounts.count <= 1 << depth
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .accounts, in: container,
                debugDescription: "expected a depth of 0...\(Self.maxDepth) and at most 2^depth 36-byte accounts")
        }
        self.init(depth: depth, accounts: accounts)
    }
}

extension TokenTree: Equatable {
    /// Trees are equal when their depths and roots are: the root commits to every account.
    package static func == (lhs: TokenTree, rhs: TokenTree) -> Bool { lhs.depth == rhs.depth && lhs.root == rhs.root }
}
