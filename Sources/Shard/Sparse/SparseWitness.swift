import Beacon

/// A zero-subtree-compressed multiproof of some accounts of a ``SparseTree``: their leaves, and the siblings needed to
/// recompute the root from them, each either the empty subtree of its height (one bit) or a 32-byte hash.
///
/// Encoding (little-endian): `u32 nLeaves | nLeaves × {u32 account, address(20), u64 balance, u64 nonce} | u32
/// nSiblings | ⌈nSiblings / 8⌉ bitmap bytes | one 32-byte hash per 0 bit`. Leaves are sorted by key
/// (`keccak256(address)`), keys unique. Bit `j` of the bitmap (bit `j % 8` of byte `j / 8`) is 1 when the `j`-th
/// sibling consumed is the empty subtree of its height, 0 when it is the next hash; padding bits are 0. The order in
/// which siblings are consumed is ``roots(updated:)``'s (`Documentation/SparseTokenEE.md`).
package struct SparseWitness: Hashable, Sendable {
    /// Bytes per encoded leaf: the 40 bytes its leaf hash covers.
    package static let leafByteCount = 40

    /// The leaves, sorted by key; `index` is the account number.
    package var leaves: [TokenWitness.Leaf]
    /// One entry per sibling consumed, in order: `true` for the empty subtree of its height.
    package var emptySiblings: [Bool]
    /// The non-empty siblings, in order.
    package var hashes: [TokenNode]

    /// Creates a witness; see ``SparseTree/multiproof(for:)`` to make a correct one.
    package init(leaves: [TokenWitness.Leaf], emptySiblings: [Bool], hashes: [TokenNode]) {
        self.leaves = leaves
        self.emptySiblings = emptySiblings
        self.hashes = hashes
    }

    /// The encoded size in bytes: `8 + 40·leaves + ⌈siblings / 8⌉ + 32·hashes`.
    package var byteCount: Int {
        8 + leaves.count * Self.leafByteCount + (emptySiblings.count + 7) / 8 + hashes.count * 32
    }

    /// Appends the encoding to `out`.
    package func encode(into out: inout [UInt8]) {
        TokenWitness.Leaf.encode(leaves, into: &out)
        out.append(littleEndian: UInt32(emptySiblings.count))
        var byte: UInt8 = 0
        for (j, empty) in emptySiblings.enumerated() {
            if empty { byte |= 1 << UInt8(j % 8) }
            if j % 8 == 7 || j == emptySiblings.count - 1 {
                out.append(byte)
                byte = 0
            }
        }
        for hash in hashes { out.append(contentsOf: hash.bytes) }
    }

    /// Reads a witness from `reader`: as many hashes as the bitmap has 0 bits. Key order and the number of siblings
    /// are checked when hashing.
    init(from reader: inout TokenByteReader) throws(TokenFormatError) {
        let leaves = try TokenWitness.Leaf.readList(from: &reader)
        let siblingCount = Int(try reader.read(UInt32.self, "witness sibling count"))
        let bitmap = try reader.read(count: (siblingCount + 7) / 8, "witness bitmap")
        let emptySiblings = (0..<siblingCount).map { bitmap[$0 / 8] >> UInt8($0 % 8) & 1 == 1 }
        if siblingCount % 8 != 0, bitmap[bitmap.count - 1] >> UInt8(siblingCount % 8) != 0 {
            throw .bitmapPadding(offset: reader.offset - 1)
        }
        let hashCount = emptySiblings.count { !$0 }
        let hashes = try TokenNode.read(hashCount, from: &reader)
        self.init(leaves: leaves, emptySiblings: emptySiblings, hashes: hashes)
    }

    /// The keys of the leaves, checked to be strictly increasing.
    package func keys() throws(TokenFormatError) -> [SparseKey] {
        let keys = leaves.map { SparseKey(address: $0.account.address) }
        for position in keys.indices.dropFirst() where !(keys[position - 1] < keys[position]) {
            throw .keyOrder(position: position)
        }
        return keys
    }

    /// The pre-state root (from the witness's accounts) and the post-state root (from `updated`, the new accounts of
    /// the same leaves in the same order), computed in one pass as the EE does.
    ///
    /// Leaves are taken in key order. Each is raised one level at a time, consuming one sibling per level, until the
    /// height where it meets a neighbour: its lowest common ancestor with the subtree of the leaves before it, which
    /// waits on a stack (the two are hashed together and the result keeps rising), or with the next leaf (it then
    /// waits on the stack itself). The last leaf rises to the root. A subtree whose leaves did not change is hashed
    /// once.
    ///
    /// - Returns: `nil` when the witness has no leaves (and no siblings): there is nothing to prove.
    /// - Throws: ``TokenFormatError`` when keys are not strictly increasing or the siblings do not match.
    package func roots(updated: [TokenAccount]) throws(TokenFormatError) -> (pre: Root, post: Root)? {
        precondition(updated.count == leaves.count, "one updated account per witness leaf")
        guard !leaves.isEmpty else {
            guard emptySiblings.isEmpty else { throw .siblingCount(found: emptySiblings.count, consumed: 0) }
            return nil
        }
        let keys = try keys()
        var consumed = 0
        var proof = 0
        func sibling(_ height: Int) throws(TokenFormatError) -> TokenNode {
            guard consumed < emptySiblings.count else {
                throw .siblingCount(found: emptySiblings.count, consumed: consumed + 1)
            }
            consumed += 1
            if emptySiblings[consumed - 1] { return SparseNodes.empty[height] }
            proof += 1
            return hashes[proof - 1]
        }
        let top = SparseNodes.height + 1
        var stack: [(old: TokenNode, new: TokenNode, merge: Int, dirty: Bool)] = []
        var old = TokenNode.zero
        var new = TokenNode.zero
        for i in leaves.indices {
            old = SparseNodes.leafHash(number: leaves[i].index, account: leaves[i].account)
            var dirty = updated[i] != leaves[i].account
            new = dirty ? SparseNodes.leafHash(number: leaves[i].index, account: updated[i]) : old
            var height = 0
            let right = i + 1 < leaves.count ? keys[i].commonAncestorHeight(with: keys[i + 1]) : top
            while true {
                let left = stack.last?.merge ?? top
                let goal = min(left, right)
                let target = goal == top ? SparseNodes.height : goal - 1
                while height < target {
                    let hash = try sibling(height)
                    if keys[i].bit(height) == 0 {
                        old = .parent(old, hash)
                        new = dirty ? .parent(new, hash) : old
                    } else {
                        old = .parent(hash, old)
                        new = dirty ? .parent(hash, new) : old
                    }
                    height += 1
                }
                if goal == top { break }
                if left < right {
                    let pending = stack.removeLast()
                    old = .parent(pending.old, old)
                    new = dirty || pending.dirty ? .parent(pending.new, new) : old
                    dirty = dirty || pending.dirty
                    height = left
                } else {
                    stack.append((old, new, right, dirty))
                    break
                }
            }
        }
        guard consumed == emptySiblings.count else {
            throw .siblingCount(found: emptySiblings.count, consumed: consumed)
        }
        return (old.root, new.root)
    }
}
