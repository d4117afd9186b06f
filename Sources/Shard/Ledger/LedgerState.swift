import Beacon
import Foundation

/// The ledger EE's full state on one shard: every account, in index order. Its root is the Keccak-256 of the
/// whole state, `keccak256(le32 count ‖ accounts)`, each account 36 bytes: address (20), le64 balance, le64 nonce.
package struct LedgerState: Sendable, Hashable, Codable {
    /// One account of the ledger.
    package struct Account: Sendable, Hashable, Codable {
        /// The 20-byte address of the key that signs for it; all zero for an account that cannot receive.
        package var address: [UInt8]
        package var balance: Gwei
        package var nonce: UInt64

        package init(address: [UInt8], balance: Gwei, nonce: UInt64 = 0) {
            precondition(address.count == 20, "an address is 20 bytes")
            self.address = address
            self.balance = balance
            self.nonce = nonce
        }

        /// Whether it has an address, so it may receive value.
        package var hasAddress: Bool { address.contains { $0 != 0 } }

        private enum CodingKeys: String, CodingKey { case address, balanceGwei, nonce }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let address = [UInt8](try container.decode(Data.self, forKey: .address))
            guard address.count == 20 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .address, in: container, debugDescription: "expected a 20-byte address")
            }
            self.init(
                address: address, balance: Gwei(try container.decode(UInt64.self, forKey: .balanceGwei)),
                nonce: try container.decode(UInt64.self, forKey: .nonce))
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Data(address), forKey: .address)
            try container.encode(balance.value, forKey: .balanceGwei)
            try container.encode(nonce, forKey: .nonce)
        }
    }

    /// The accounts, by index.
    package var accounts: [Account]

    package init(accounts: [Account]) { self.accounts = accounts }

    /// The bytes the root hashes, which a block carries as its witness.
    package var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4 + 36 * accounts.count)
        out.append(littleEndian: UInt32(accounts.count))
        for account in accounts {
            out += account.address
            out.append(littleEndian: account.balance.value)
            out.append(littleEndian: account.nonce)
        }
        return out
    }

    /// The state root.
    package var root: Root { Root(bytes: Keccak256.hash(encoded))! }

    /// `accountCount` users of run `seed` on `shard`, each holding `balance`; user `i`'s key is
    /// ``LedgerSigning/privateKey(seed:shard:account:)``.
    package static func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> LedgerState {
        LedgerState(
            accounts: (0..<accountCount).map {
                Account(address: LedgerSigning.address(seed: seed, shard: shard, account: UInt32($0)), balance: balance)
            })
    }
}
