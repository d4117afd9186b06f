import Beacon
import Foundation

/// A tree is stored as its accounts, packed as 36-byte records — address (20), balance (8, big-endian), nonce (8,
/// big-endian) — so checkpoints stay small; keys, structure and hashes are rebuilt.
extension SparseTree: Codable {
    private enum CodingKeys: String, CodingKey { case accounts }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
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
        let bytes = [UInt8](try container.decode(Data.self, forKey: .accounts))
        guard bytes.count % 36 == 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .accounts, in: container, debugDescription: "expected 36-byte account records")
        }
        let accounts = stride(from: 0, to: bytes.count, by: 36).map { offset in
            func word(_ at: Int) -> UInt64 { bytes[at..<(at + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
            return TokenAccount(
                address: Array(bytes[offset..<(offset + 20)]), balance: Gwei(word(offset + 20)),
                nonce: word(offset + 28))
        }
        guard Set(accounts.map(\.address)).count == accounts.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .accounts, in: container, debugDescription: "two accounts have the same address")
        }
        self.init(accounts: accounts)
    }
}

extension SparseTree: Equatable {
    /// Trees are equal when their roots are: the root commits to every account.
    package static func == (lhs: SparseTree, rhs: SparseTree) -> Bool { lhs.root == rhs.root }
}
