/// One node of a hexary Merkle Patricia trie as Ethereum defines it (Yellow Paper appendix D): immutable, with its
/// RLP encoding and Keccak-256 computed once when it is made, so a trie is a tree of shared nodes and a changed
/// value rebuilds only its path.
///
/// - **leaf** `[hexPrefix(path, leaf), value]`: the rest of a key and its value;
/// - **extension** `[hexPrefix(path), child]`: a run of nibbles every key below shares;
/// - **branch** `[child₀, …, child₁₅, value]`: one child per next nibble, and the value of a key that ends here.
///
/// A child is referred to by its Keccak-256 when its encoding is 32 bytes or more, and otherwise embedded: its RLP
/// list is written in place of the reference. An absent child is the empty string (`0x80`).
package final class PatriciaNode: Sendable {
    /// What a node holds.
    package enum Kind: Sendable {
        case leaf(path: [UInt8], value: [UInt8])
        case `extension`(path: [UInt8], child: PatriciaNode)
        case branch(children: [PatriciaNode?], value: [UInt8])
    }

    package let kind: Kind
    /// The node's RLP encoding.
    package let encoded: [UInt8]
    /// `keccak256(encoded)`.
    package let hash: [UInt8]

    /// A node of `kind` (a branch has 16 children).
    package init(_ kind: Kind) {
        self.kind = kind
        var payload: [UInt8] = []
        switch kind {
        case .leaf(let path, let value):
            RLP.bytes(HexPrefix.encode(path, isLeaf: true)).encode(into: &payload)
            RLP.bytes(value).encode(into: &payload)
        case .extension(let path, let child):
            RLP.bytes(HexPrefix.encode(path, isLeaf: false)).encode(into: &payload)
            child.appendReference(into: &payload)
        case .branch(let children, let value):
            precondition(children.count == 16, "a branch has 16 children")
            for child in children {
                if let child { child.appendReference(into: &payload) } else { payload.append(0x80) }
            }
            RLP.bytes(value).encode(into: &payload)
        }
        var encoded: [UInt8] = []
        RLP.appendHeader(length: payload.count, shortBase: 0xc0, into: &encoded)
        encoded.append(contentsOf: payload)
        self.encoded = encoded
        self.hash = Keccak256.hash(encoded)
    }

    /// Whether a parent embeds this node instead of referring to its hash (its encoding is under 32 bytes).
    package var isEmbedded: Bool { encoded.count < 32 }

    /// Appends how a parent refers to this node: its encoding when embedded, else its hash as a 32-byte string.
    package func appendReference(into out: inout [UInt8]) {
        if isEmbedded {
            out.append(contentsOf: encoded)
        } else {
            out.append(0xa0)
            out.append(contentsOf: hash)
        }
    }
}
