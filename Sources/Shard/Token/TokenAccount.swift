import Beacon

/// An account of the token EE: one leaf of its Merkle tree.
///
/// The leaf hash is `keccak256(address ‖ le64 balance ‖ le64 nonce)` (36 bytes hashed), except for the empty leaf
/// (zero address, balance and nonce), whose hash is 32 zero bytes so an unused part of the tree costs nothing to
/// build. A leaf with the zero address is not an account: it cannot receive value (see `Documentation/TokenEE.md`).
package struct TokenAccount: Hashable, Sendable {
    /// The 20-byte address of the key that signs for the account (see ``Secp256k1/address(publicKey:)``).
    package var address: [UInt8]
    /// The balance, in gwei.
    package var balance: Gwei
    /// The number of transactions the account has signed that were applied; the next one must carry this nonce.
    package var nonce: UInt64

    /// The empty leaf.
    package static let empty = TokenAccount(address: [UInt8](repeating: 0, count: 20), balance: .zero, nonce: 0)

    /// Creates an account; `address` must be 20 bytes.
    package init(address: [UInt8], balance: Gwei, nonce: UInt64 = 0) {
        precondition(address.count == 20, "an address is 20 bytes")
        self.address = address
        self.balance = balance
        self.nonce = nonce
    }

    /// Whether the leaf holds an account (a nonzero address), which may receive value.
    package var hasAddress: Bool { address.contains { $0 != 0 } }

    /// Whether this is the empty leaf, hashed as 32 zero bytes.
    package var isEmpty: Bool { !hasAddress && balance == .zero && nonce == 0 }

    /// The leaf hash.
    package var leafHash: TokenNode {
        if isEmpty { return .zero }
        var preimage = address
        preimage.append(littleEndian: balance.value)
        preimage.append(littleEndian: nonce)
        return preimage.withUnsafeBytes { TokenNode.hashed($0) }
    }
}
