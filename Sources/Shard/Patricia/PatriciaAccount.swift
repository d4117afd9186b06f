import Beacon

/// An account of the Patricia token EE: what the binary token EE's leaf holds (address, balance, nonce), plus its
/// account number, stored in the trie under `keccak256(address)` as `RLP([nonce, balance, address, number])`.
///
/// The number is what transactions and receipts' payloads name (a 4-byte account number, as every token EE's);
/// keeping it in the value binds it to the account, so the EE finds a transaction's accounts among the witness's
/// leaves. Integers are RLP scalars (big-endian, no leading zeros); the balance is in gwei.
package struct PatriciaAccount: Hashable, Sendable, Codable {
    /// The account number transactions name.
    package var number: UInt32
    /// The 20-byte address of the key that signs for the account.
    package var address: [UInt8]
    /// The balance, in gwei.
    package var balance: Gwei
    /// The next nonce the account must sign with.
    package var nonce: UInt64

    /// Creates an account; `address` must be 20 bytes.
    package init(number: UInt32, address: [UInt8], balance: Gwei, nonce: UInt64 = 0) {
        precondition(address.count == 20, "an address is 20 bytes")
        self.number = number
        self.address = address
        self.balance = balance
        self.nonce = nonce
    }

    /// The trie key: `keccak256(address)` (Ethereum's secure trie hashes keys the same way).
    package var key: [UInt8] { Keccak256.hash(address) }

    /// The trie value: `RLP([nonce, balance, address, number])`.
    package var value: [UInt8] {
        RLP.list([.integer(nonce), .integer(balance.value), .bytes(address), .integer(UInt64(number))]).encoded
    }

    /// The account a trie value holds, or `nil` unless it is a canonical `RLP([nonce, balance, address, number])`
    /// with a 64-bit nonce and balance, a 20-byte address and a 32-bit number.
    package init?(value: [UInt8]) {
        guard let item = try? RLP(decoding: value), let items = item.items, items.count == 4,
            let nonce = items[0].integer(maxBytes: 8), let balance = items[1].integer(maxBytes: 8),
            let address = items[2].byteString, address.count == 20,
            let number = items[3].integer(maxBytes: 4)
        else { return nil }
        self.init(number: UInt32(number), address: address, balance: Gwei(balance), nonce: nonce)
    }

    /// Whether the account may receive value: it has a nonzero address (as for the binary token EE).
    package var hasAddress: Bool { address.contains { $0 != 0 } }
}
