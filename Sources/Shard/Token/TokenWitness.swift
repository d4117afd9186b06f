import Beacon

/// A multiproof of some leaves of a ``TokenTree``: the accounts a block touches and the sibling hashes needed to
/// recompute the root from them.
///
/// Encoding (little-endian): `u32 nLeaves | nLeaves × {u32 index, address(20), u64 balance, u64 nonce} | u32 nHashes
/// | nHashes × 32 bytes`. Leaves are sorted by index and unique. Hashes are in the canonical order: bottom-up, level
/// by level, and left to right within a level, one for every sibling of a known node that is not itself known
/// (known nodes are the leaves, then the parents of known nodes).
package struct TokenWitness: Hashable, Sendable {
    /// One leaf of the witness.
    package struct Leaf: Hashable, Sendable {
        /// The leaf's index in the tree.
        package var index: UInt32
        /// The account it holds (the empty account for an empty leaf).
        package var account: TokenAccount

        /// Creates a leaf.
        package init(index: UInt32, account: TokenAccount) {
            self.index = index
            self.account = account
        }
    }

    /// Bytes per encoded leaf.
    package static let leafByteCount = 4 + 20 + 8 + 8

    /// The leaves, sorted by index.
    package var leaves: [Leaf]
    /// The proof hashes, in canonical order.
    package var hashes: [TokenNode]

    /// Creates a witness; see ``TokenTree/multiproof(for:)`` to make a correct one.
    package init(leaves: [Leaf], hashes: [TokenNode]) {
        self.leaves = leaves
        self.hashes = hashes
    }

    /// The encoded size in bytes.
    package var byteCount: Int { 8 + leaves.count * Self.leafByteCount + hashes.count * 32 }

    /// The encoding, as carried at the end of a block.
    package var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteCount)
        encode(into: &out)
        return out
    }

    /// Appends the encoding to `out`.
    package func encode(into out: inout [UInt8]) {
        Leaf.encode(leaves, into: &out)
        out.append(littleEndian: UInt32(hashes.count))
        for hash in hashes { out.append(contentsOf: hash.bytes) }
    }

    /// Reads a witness from `reader`, checking that the leaves are sorted, unique and inside a tree of `depth`.
    init(from reader: inout TokenByteReader, depth: Int) throws(TokenFormatError) {
        let leaves = try Leaf.readList(from: &reader)
        let hashCount = Int(try reader.read(UInt32.self, "witness hash count"))
        let hashes = try TokenNode.read(hashCount, from: &reader)
        self.init(leaves: leaves, hashes: hashes)
        try checkLeaves(depth: depth)
    }

    /// Checks that the leaves are sorted by index, unique and inside a tree of `depth`, as the EE requires.
    package func checkLeaves(depth: Int) throws(TokenFormatError) {
        let capacity = UInt64(1) << UInt64(depth)
        for (position, leaf) in leaves.enumerated() {
            if position > 0 && leaf.index <= leaves[position - 1].index {
                throw .leafOrder(position: position, index: leaf.index)
            }
            guard UInt64(leaf.index) < capacity else {
                throw .leafOutsideTree(position: position, index: leaf.index, depth: depth)
            }
        }
    }

    /// The root the witness proves for a tree of `depth`, or `nil` when it has no leaves.
    ///
    /// - Throws: ``TokenFormatError`` when the proof does not have exactly the hashes its leaves need.
    package func root(depth: Int) throws(TokenFormatError) -> Root? {
        try roots(depth: depth, updated: leaves.map(\.account))?.pre
    }

    /// Whether the witness proves its leaves against `root` in a tree of `depth`. A witness with no leaves proves
    /// nothing and is accepted only with no hashes.
    package func verify(root: Root, depth: Int) -> Bool {
        do {
            guard let proven = try roots(depth: depth, updated: leaves.map(\.account)) else { return true }
            return proven.pre == root
        } catch {
            return false
        }
    }

    /// The pre-state root (from the witness's accounts) and the post-state root (from `updated`, the new accounts
    /// of the same leaves in the same order), computed in one pass over the proof as the EE does. A subtree whose
    /// leaves did not change is hashed once.
    ///
    /// - Returns: `nil` when the witness has no leaves (and no hashes): there is nothing to prove.
    /// - Throws: ``TokenFormatError`` when the proof has too few or too many hashes.
    package func roots(depth: Int, updated: [TokenAccount]) throws(TokenFormatError) -> (pre: Root, post: Root)? {
        precondition(updated.count == leaves.count, "one updated account per witness leaf")
        guard !leaves.isEmpty else {
            guard hashes.isEmpty else { throw .proofLength(expected: 0, found: hashes.count) }
            return nil
        }
        var indices = leaves.map { UInt64($0.index) }
        var old = leaves.map(\.account.leafHash)
        var new = old
        var dirty = [Bool](repeating: false, count: leaves.count)
        for i in leaves.indices where updated[i] != leaves[i].account {
            new[i] = updated[i].leafHash
            dirty[i] = true
        }
        let expected = Self.proofHashCount(indices: indices, depth: depth)
        guard hashes.count == expected else { throw .proofLength(expected: expected, found: hashes.count) }
        var proof = 0
        func nextHash() -> TokenNode {
            defer { proof += 1 }
            return hashes[proof]
        }
        var k = leaves.count
        for _ in 0..<depth {
            var j = 0
            var out = 0
            while j < k {
                let index = indices[j]
                let (leftOld, leftNew, rightOld, rightNew): (TokenNode, TokenNode, TokenNode, TokenNode)
                let changed: Bool
                if index & 1 == 0 {
                    if j + 1 < k && indices[j + 1] == index + 1 {
                        (leftOld, leftNew, rightOld, rightNew) = (old[j], new[j], old[j + 1], new[j + 1])
                        changed = dirty[j] || dirty[j + 1]
                        j += 2
                    } else {
                        let sibling = nextHash()
                        (leftOld, leftNew, rightOld, rightNew) = (old[j], new[j], sibling, sibling)
                        changed = dirty[j]
                        j += 1
                    }
                } else {
                    let sibling = nextHash()
                    (leftOld, leftNew, rightOld, rightNew) = (sibling, sibling, old[j], new[j])
                    changed = dirty[j]
                    j += 1
                }
                old[out] = .parent(leftOld, rightOld)
                new[out] = changed ? .parent(leftNew, rightNew) : old[out]
                dirty[out] = changed
                indices[out] = index >> 1
                out += 1
            }
            k = out
        }
        return (old[0].root, new[0].root)
    }

    /// The number of proof hashes a witness of the sorted, unique leaf `indices` needs in a tree of `depth`: at each
    /// level, one per known node whose sibling is not known.
    package static func proofHashCount(indices: [UInt64], depth: Int) -> Int {
        var known = indices
        var count = 0
        for _ in 0..<depth {
            var parents: [UInt64] = []
            parents.reserveCapacity(known.count)
            var j = 0
            while j < known.count {
                if known[j] & 1 == 0 && j + 1 < known.count && known[j + 1] == known[j] + 1 {
                    j += 2
                } else {
                    count += 1
                    j += 1
                }
                parents.append(known[j - 1] >> 1)
            }
            known = parents
        }
        return count
    }
}
