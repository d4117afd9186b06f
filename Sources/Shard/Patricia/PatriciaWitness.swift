/// The multiproof of a Patricia token block: every trie node on the union of the touched accounts' paths, each sent
/// once, in depth-first pre-order from the root. Byte by byte in `Documentation/PatriciaTokenEE.md`:
///
/// ```
/// u32 nodeCount | nodeCount × ( node RLP | u16 childMask, branches only )
/// ```
///
/// A node's RLP is exactly what its parent's reference hashes. A branch's mask has bit `i` set when its child `i`
/// follows in the stream (with its own subtree) — the other children stay as the hashes inside the branch's RLP; an
/// extension's child always follows; a leaf ends a path. An empty witness (`nodeCount` 0) proves nothing.
package struct PatriciaWitness: Hashable, Sendable {
    /// One node of the multiproof.
    package struct Node: Hashable, Sendable {
        /// The node's RLP encoding.
        package var rlp: [UInt8]
        /// For a branch, which children follow (bit `i` for child `i`); `nil` for a leaf or an extension.
        package var branchMask: UInt16?

        /// Creates a node.
        package init(rlp: [UInt8], branchMask: UInt16?) {
            self.rlp = rlp
            self.branchMask = branchMask
        }
    }

    /// The nodes in pre-order.
    package var nodes: [Node]

    /// Creates a witness.
    package init(nodes: [Node]) { self.nodes = nodes }

    /// The encoded size in bytes.
    package var byteCount: Int { 4 + nodes.reduce(0) { $0 + $1.rlp.count + ($1.branchMask == nil ? 0 : 2) } }

    /// Appends the encoding.
    package func encode(into out: inout [UInt8]) {
        out.append(littleEndian: UInt32(nodes.count))
        for node in nodes {
            out.append(contentsOf: node.rlp)
            if let mask = node.branchMask { out.append(littleEndian: mask) }
        }
    }
}
