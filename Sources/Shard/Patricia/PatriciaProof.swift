/// A Patricia witness as the EE reads it from block data: where each node lies, which reference in its parent it
/// must hash to, and the accounts its leaves hold. ``read(_:at:)`` makes every structural check the EE makes, and
/// ``roots(in:updated:)`` hashes the nodes for the pre-state root and re-hashes the changed ones for the post-state
/// root, as `patricia.wasm` does.
package struct PatriciaProof: Sendable {
    /// Where one node lies in the block data.
    package struct Entry: Sendable {
        /// Offset of the node's RLP and its length.
        package var start: Int
        package var length: Int
        /// The parent's position in ``entries`` (−1 for the root) and the offset of the 32-byte hash reference in
        /// the parent's RLP that this node must hash to.
        package var parent: Int
        package var reference: Int
    }

    /// A leaf of the witness: an account.
    package struct Leaf: Sendable {
        /// The leaf's position in ``entries``.
        package var entry: Int
        /// The leaf's hex-prefix path (the key's nibbles below its parent), kept to re-encode the leaf.
        package var hexPrefixPath: [UInt8]
        /// The account the leaf's value holds.
        package var account: PatriciaAccount
    }

    /// Keys are 32 bytes: 64 nibbles from the root to every leaf.
    package static let keyNibbles = 64

    package fileprivate(set) var entries: [Entry] = []
    /// The leaves in pre-order (which is key order).
    package fileprivate(set) var leaves: [Leaf] = []
    /// The witness's bytes from its node count to its end.
    package fileprivate(set) var byteRange: Range<Int> = 0..<0

    /// Reads the witness starting at `start` of `data`: a node count, then the nodes in pre-order. Throws when a
    /// node is not a 17-item branch or a 2-item leaf or extension, a followed child is not a 32-byte hash reference,
    /// a path does not end after 64 nibbles exactly at a leaf, a leaf's value is not an account, two leaves hold the
    /// same account number, or the count differs from the nodes the structure holds.
    package static func read(_ data: [UInt8], at start: Int) throws(PatriciaFormatError) -> PatriciaProof {
        var reader = Reader(data: data, position: start)
        guard data.count - start >= 4 else { throw .truncated("witness node count", offset: start) }
        let count =
            Int(data[start]) | Int(data[start + 1]) << 8 | Int(data[start + 2]) << 16 | Int(data[start + 3]) << 24
        reader.position += 4
        reader.declared = count
        if count > 0 { try reader.walk(parent: -1, reference: -1, depth: 0) }
        guard reader.proof.entries.count == count else {
            throw .nodeCount(declared: count, walked: reader.proof.entries.count)
        }
        var numbers = Set<UInt32>()
        for leaf in reader.proof.leaves where !numbers.insert(leaf.account.number).inserted {
            throw .duplicateAccount(leaf.account.number)
        }
        reader.proof.byteRange = start..<reader.position
        return reader.proof
    }

    /// The pre-state root the nodes hash to and the post-state root once the leaves hold `updated` (in leaf
    /// order), or `nil` for an empty witness; `badReference` names the first node whose hash is not the reference
    /// its parent holds.
    package func roots(in data: [UInt8], updated: [PatriciaAccount]) -> Roots? {
        guard !entries.isEmpty else { return nil }
        let hashes = entries.map { Keccak256.hash(data[$0.start..<$0.start + $0.length]) }
        var badReference: Int?
        for (i, entry) in entries.enumerated().dropFirst()
        where badReference == nil && Array(data[entry.reference..<entry.reference + 32]) != hashes[i] {
            badReference = i
        }
        // Post-state: children follow their parent in pre-order, so walking backwards re-hashes every child before
        // its parent, and each new hash is written into the parent's reference.
        var work = data
        var newHashes = hashes
        var dirty = [Bool](repeating: false, count: entries.count)
        var leafOf = [Int](repeating: -1, count: entries.count)
        for (i, leaf) in leaves.enumerated() { leafOf[leaf.entry] = i }
        for i in entries.indices.reversed() {
            let entry = entries[i]
            if leafOf[i] >= 0 {
                let leaf = leaves[leafOf[i]]
                guard updated[leafOf[i]] != leaf.account else { continue }
                newHashes[i] = Keccak256.hash(
                    RLP.list([.bytes(leaf.hexPrefixPath), .bytes(updated[leafOf[i]].value)]).encoded)
            } else {
                guard dirty[i] else { continue }
                newHashes[i] = Keccak256.hash(work[entry.start..<entry.start + entry.length])
            }
            if entry.parent >= 0 {
                work.replaceSubrange(entry.reference..<entry.reference + 32, with: newHashes[i])
                dirty[entry.parent] = true
            }
        }
        return Roots(pre: hashes[0], post: newHashes[0], badReference: badReference)
    }

    /// What ``roots(in:updated:)`` computes.
    package struct Roots: Sendable {
        package var pre: [UInt8]
        package var post: [UInt8]
        package var badReference: Int?
    }
}

/// The pre-order walk of ``PatriciaProof/read(_:at:)``.
private struct Reader {
    let data: [UInt8]
    var position: Int
    var declared = 0
    var proof = PatriciaProof()

    private func node(_ problem: String) -> PatriciaFormatError {
        .node(proof.entries.count - 1, offset: proof.entries.last?.start ?? position, problem)
    }

    /// Reads the node at `position`, `depth` nibbles below the root, then the children that follow it.
    mutating func walk(parent: Int, reference: Int, depth: Int) throws(PatriciaFormatError) {
        guard proof.entries.count < declared else { throw .nodeCount(declared: declared, walked: declared + 1) }
        let start = position
        let header: (payload: Int, length: Int, isList: Bool)
        do {
            header = try RLP.header(data, at: start, end: data.count)
        } catch {
            throw .node(proof.entries.count, offset: start, "\(error)")
        }
        guard header.isList else { throw .node(proof.entries.count, offset: start, "not an RLP list") }
        let end = header.payload + header.length
        let index = proof.entries.count
        proof.entries.append(.init(start: start, length: end - start, parent: parent, reference: reference))
        var items: [(start: Int, payload: Int, length: Int, isList: Bool)] = []
        var itemStart = header.payload
        while itemStart < end {
            do {
                let item = try RLP.header(data, at: itemStart, end: end)
                items.append((itemStart, item.payload, item.length, item.isList))
                itemStart = item.payload + item.length
            } catch {
                throw node("\(error)")
            }
        }
        position = end
        switch items.count {
        case 17:
            guard data.count - position >= 2 else { throw .truncated("branch mask", offset: position) }
            let mask = Int(data[position]) | Int(data[position + 1]) << 8
            position += 2
            guard depth < PatriciaProof.keyNibbles else { throw node("a branch below 64 nibbles") }
            for nibble in 0..<16 where mask >> nibble & 1 == 1 {
                let child = items[nibble]
                guard !child.isList, child.length == 32, child.payload == child.start + 1 else {
                    throw node("child \(nibble) follows but is not a 32-byte hash reference")
                }
                try walk(parent: index, reference: child.payload, depth: depth + 1)
            }
        case 2:
            let pathItem = items[0]
            guard !pathItem.isList, pathItem.length >= 1,
                let path = HexPrefix.decode(Array(data[pathItem.payload..<pathItem.payload + pathItem.length]))
            else { throw node("not a hex-prefix path") }
            let hexPrefixPath = Array(data[pathItem.payload..<pathItem.payload + pathItem.length])
            if path.isLeaf {
                guard depth + path.path.count == PatriciaProof.keyNibbles else {
                    throw node("a leaf whose key is not 64 nibbles")
                }
                let value = items[1]
                guard !value.isList,
                    let account = PatriciaAccount(value: Array(data[value.payload..<value.payload + value.length]))
                else { throw node("a leaf whose value is not RLP([nonce, balance, address, number])") }
                proof.leaves.append(.init(entry: index, hexPrefixPath: hexPrefixPath, account: account))
            } else {
                let child = items[1]
                guard !path.path.isEmpty, depth + path.path.count < PatriciaProof.keyNibbles else {
                    throw node("an extension of \(path.path.count) nibbles at depth \(depth)")
                }
                guard !child.isList, child.length == 32, child.payload == child.start + 1 else {
                    throw node("an extension whose child is not a 32-byte hash reference")
                }
                try walk(parent: index, reference: child.payload, depth: depth + path.path.count)
            }
        default:
            throw node("a list of \(items.count) items is neither a branch (17) nor a leaf or extension (2)")
        }
    }
}
