import Beacon
import Foundation

/// A tree is stored as its accounts, packed as 36-byte records — address (20), balance (8, big-endian), nonce (8,
/// big-endian) — so checkpoints stay small; keys, structure and hashes are rebuilt.
extension SparseTree: Codable {
    private enum CodingKeys: String, CodingKey { case accounts }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(TokenAccount.records(of: accounts), forKey: .accounts)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bytes = [UInt8](try container.decode(Data.self, forKey: .accounts))
        guard let accounts = TokenAccount.accounts(fromRecords: bytes) else {
            throw DecodingError.dataCorruptedError(
                forKey: .accounts, in: container, debugDescription: "expected 36-byte account records")
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
