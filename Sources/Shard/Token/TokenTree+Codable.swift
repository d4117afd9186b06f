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
                Self.append(leaf.account, to: &data)
            }
        } else {
            data.reserveCapacity(accounts.count * 36)
            for account in accounts { Self.append(account, to: &data) }
        }
        try container.encode(data, forKey: .accounts)
    }

    private static func append(_ account: TokenAccount, to data: inout Data) {
        data.append(contentsOf: account.address)
        withUnsafeBytes(of: account.balance.value.bigEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: account.nonce.bigEndian) { data.append(contentsOf: $0) }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let depth = try container.decode(Int.self, forKey: .depth)
        let bytes = [UInt8](try container.decode(Data.self, forKey: .accounts))
        func word(_ at: Int) -> UInt64 { bytes[at..<(at + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
        func account(at offset: Int) -> TokenAccount {
            TokenAccount(
                address: Array(bytes[offset..<(offset + 20)]), balance: Gwei(word(offset + 20)),
                nonce: word(offset + 28))
        }
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
        guard (0...Self.maxDepth).contains(depth), bytes.count % 36 == 0, bytes.count / 36 <= 1 << depth else {
            throw DecodingError.dataCorruptedError(
                forKey: .accounts, in: container,
                debugDescription: "expected a depth of 0...\(Self.maxDepth) and at most 2^depth 36-byte accounts")
        }
        self.init(depth: depth, accounts: stride(from: 0, to: bytes.count, by: 36).map(account(at:)))
    }
}

extension TokenTree: Equatable {
    /// Trees are equal when their depths and roots are: the root commits to every account.
    package static func == (lhs: TokenTree, rhs: TokenTree) -> Bool { lhs.depth == rhs.depth && lhs.root == rhs.root }
}
