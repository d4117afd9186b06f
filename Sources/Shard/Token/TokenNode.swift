import Beacon

/// A 32-byte node hash of the token EE's Merkle tree, stored inline (four words, no heap allocation), so a tree of
/// thousands of nodes is a few flat arrays.
///
/// The bytes are kept in order: word `i` holds bytes `8i ..< 8i+8` in little-endian order, so ``bytes`` is exactly
/// the hash as Keccak-256 produced it.
package struct TokenNode: Hashable, Sendable {
    private var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// The all-zero node: the hash of an empty leaf.
    package static let zero = TokenNode(w0: 0, w1: 0, w2: 0, w3: 0)

    private init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
    }

    /// The node whose bytes are the first 32 of `bytes` (which must hold at least 32).
    package init(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count >= 32, "a node hash is 32 bytes")
        w0 = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        w1 = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        w2 = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        w3 = bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    }

    /// The node with the bytes of `root`.
    package init(_ root: Root) {
        self = root.bytes.withUnsafeBytes { TokenNode($0) }
    }

    /// The 32 bytes.
    package var bytes: [UInt8] {
        withUnsafeBytes(of: self) { Array($0) }
    }

    /// The node as a state root.
    package var root: Root {
        withUnsafeBytes(of: self) { Root(bytes: $0) } ?? .zero
    }

    /// keccak256(left ‖ right): an inner node.
    package static func parent(_ left: TokenNode, _ right: TokenNode) -> TokenNode {
        let pair = (left, right)
        return withUnsafeBytes(of: pair) { hashed($0) }
    }

    /// The node whose bytes are the Keccak-256 of `input`, hashed straight into the node (no digest array).
    package static func hashed(_ input: UnsafeRawBufferPointer) -> TokenNode {
        var node = TokenNode.zero
        withUnsafeMutableBytes(of: &node) { Keccak256.hash(input, into: $0) }
        return node
    }
}
