import Beacon

/// The position of an account in the sparse Merkle tree: `keccak256(address)` read as a 256-bit big-endian number.
///
/// Bit `h` of the key (0 = least significant) says whether the account's ancestor at height `h` is a left (0) or a
/// right (1) child: leaves are at height 0, the root at 256, and the node at height `h` on the account's path is
/// `key >> h`.
package struct SparseKey: Hashable, Comparable, Sendable {
    /// The four 64-bit words, most significant first.
    private let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// The key of `address`: its Keccak-256, big-endian.
    package init(address: [UInt8]) {
        self.init(hash: Keccak256.hash(address))
    }

    /// The key whose 32 big-endian bytes are `hash`.
    package init(hash: [UInt8]) {
        precondition(hash.count == 32, "a key is 32 bytes")
        func word(_ i: Int) -> UInt64 { hash[(8 * i)..<(8 * i + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
        (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
    }

    private func word(_ i: Int) -> UInt64 {
        switch i {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }

    /// Bit `height` (0 … 255): 1 when the ancestor at `height` is a right child.
    package func bit(_ height: Int) -> Int {
        Int(truncatingIfNeeded: word(3 - height / 64) >> UInt64(height % 64)) & 1
    }

    /// The height of the lowest common ancestor of the two keys' leaves (1 … 256), or 0 for equal keys.
    package func commonAncestorHeight(with other: SparseKey) -> Int {
        for i in 0..<4 where word(i) != other.word(i) {
            return (3 - i) * 64 + 64 - (word(i) ^ other.word(i)).leadingZeroBitCount
        }
        return 0
    }

    package static func < (lhs: SparseKey, rhs: SparseKey) -> Bool {
        (lhs.w0, lhs.w1, lhs.w2, lhs.w3) < (rhs.w0, rhs.w1, rhs.w2, rhs.w3)
    }
}
