import Beacon
import Foundation

/// A tree is stored as its depth and its accounts, packed as 36-byte records — address (20), balance (8,
/// big-endian), nonce (8, big-endian) — so checkpoints of large networks stay small; the inner nodes are rebuilt.
extension TokenTree: Codable {
    private enum CodingKeys: String, CodingKey { case depth, accounts }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(depth, forKey: .depth)
        var data = Data(capacity: accounts.count * 36)
        for account in accounts {
            data.append(contentsOf: account.address)
            withUnsafeBytes(of: account.balance.value.bigEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: account.nonce.bigEndian) { data.append(contentsOf: $0) }
        }
        try container.encode(data, forKey: .accounts)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let depth = try container.decode(Int.self, forKey: .depth)
        let bytes = [UInt8](try container.decode(Data.self, forKey: .accounts))
        guard (0...Self.maxDepth).contains(depth), bytes.count % 36 == 0, bytes.count / 36 <= 1 << depth else {
            throw DecodingError.dataCorruptedError(
                forKey: .accounts, in: container,
                debugDescription: "expected a depth of 0...\(Self.maxDepth) and at most 2^depth 36-byte accounts")
        }
        let accounts = stride(from: 0, to: bytes.count, by: 36).map { offset in
            func word(_ at: Int) -> UInt64 { bytes[at..<(at + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
            return TokenAccount(
                address: Array(bytes[offset..<(offset + 20)]), balance: Gwei(word(offset + 20)),
                nonce: word(offset + 28))
        }
        self.init(depth: depth, accounts: accounts)
    }
}

extension TokenTree: Equatable {
    /// Trees are equal when their depths and roots are: the root commits to every account.
    package static func == (lhs: TokenTree, rhs: TokenTree) -> Bool { lhs.depth == rhs.depth && lhs.root == rhs.root }
}
