/// A hexary Merkle Patricia trie (Yellow Paper appendix D): a map from byte-string keys to non-empty byte-string
/// values whose root hash commits to every entry. The structure is canonical — it depends only on the entries, not
/// on the order they were added — so the trie is built from its sorted entries in one pass.
///
/// ```swift
/// let trie = PatriciaTrie(entries: [(Array("dog".utf8), Array("puppy".utf8))])
/// trie.rootHash   // keccak256 of the root node's RLP; 0x56e8…b421 (keccak256 of 0x80) when empty
/// ```
package struct PatriciaTrie: Sendable {
    /// The root hash of the empty trie: `keccak256(rlp(""))`.
    package static let emptyRootHash = Keccak256.hash([0x80])

    /// The root node, `nil` when the trie is empty.
    package let rootNode: PatriciaNode?

    /// The trie of `entries`; keys must be distinct and values non-empty (an empty value is no entry in Ethereum).
    ///
    /// - Complexity: one node (one RLP encoding and one hash) per leaf, branch and extension: about `n · 16/15`
    ///   branches and `n` leaves for `n` random 32-byte keys.
    package init(entries: [(key: [UInt8], value: [UInt8])]) {
        var sorted = entries.map { (path: HexPrefix.nibbles($0.key), value: $0.value) }
        sorted.sort { $0.path.lexicographicallyPrecedes($1.path) }
        for i in sorted.indices.dropFirst() {
            precondition(sorted[i - 1].path != sorted[i].path, "trie keys must be distinct")
        }
        precondition(sorted.allSatisfy { !$0.value.isEmpty }, "trie values must not be empty")
        rootNode = Self.build(sorted[...], depth: 0)
    }

    private init(rootNode: PatriciaNode?) { self.rootNode = rootNode }

    /// The root hash: `keccak256` of the root node's RLP (even when it is shorter than 32 bytes).
    package var rootHash: [UInt8] { rootNode?.hash ?? Self.emptyRootHash }

    /// The node for the sorted entries whose paths share `depth` nibbles (at least one entry).
    private static func build(_ entries: ArraySlice<(path: [UInt8], value: [UInt8])>, depth: Int) -> PatriciaNode? {
        guard let first = entries.first, let last = entries.last else { return nil }
        if entries.count == 1 { return PatriciaNode(.leaf(path: Array(first.path[depth...]), value: first.value)) }
        // Sorted: the prefix the first and last share is shared by all.
        var shared = depth
        while shared < first.path.count, shared < last.path.count, first.path[shared] == last.path[shared] {
            shared += 1
        }
        let branch = buildBranch(entries, depth: shared)
        if shared == depth { return branch }
        return PatriciaNode(.extension(path: Array(first.path[depth..<shared]), child: branch))
    }

    /// The branch at `depth` for sorted entries that do not all share nibble `depth`.
    private static func buildBranch(_ entries: ArraySlice<(path: [UInt8], value: [UInt8])>, depth: Int)
        -> PatriciaNode
    {
        var value: [UInt8] = []
        var rest = entries
        if let first = rest.first, first.path.count == depth {
            value = first.value
            rest = rest.dropFirst()
        }
        var children = [PatriciaNode?](repeating: nil, count: 16)
        var start = rest.startIndex
        while start < rest.endIndex {
            let nibble = rest[start].path[depth]
            var end = start
            while end < rest.endIndex, rest[end].path[depth] == nibble { end += 1 }
            children[Int(nibble)] = build(rest[start..<end], depth: depth + 1)
            start = end
        }
        return PatriciaNode(.branch(children: children, value: value))
    }

    /// The trie with the values of existing keys replaced; shared ancestors are rebuilt once.
    ///
    /// - Precondition: every key is in the trie (the structure does not change).
    /// - Complexity: one node rebuilt per distinct node on the changed keys' paths.
    package func updating(_ changes: [(key: [UInt8], value: [UInt8])]) -> PatriciaTrie {
        guard let rootNode, !changes.isEmpty else { return self }
        var sorted = changes.map { (path: HexPrefix.nibbles($0.key), value: $0.value) }
        sorted.sort { $0.path.lexicographicallyPrecedes($1.path) }
        return PatriciaTrie(rootNode: Self.update(rootNode, sorted[...], depth: 0))
    }

    private static func update(
        _ node: PatriciaNode, _ changes: ArraySlice<(path: [UInt8], value: [UInt8])>, depth: Int
    ) -> PatriciaNode {
        switch node.kind {
        case .leaf(let path, _):
            guard changes.count == 1, let change = changes.first, Array(change.path[depth...]) == path else {
                preconditionFailure("key not in the trie")
            }
            return PatriciaNode(.leaf(path: path, value: change.value))
        case .extension(let path, let child):
            precondition(changes.allSatisfy { Array($0.path[depth..<depth + path.count]) == path }, "key not in trie")
            return PatriciaNode(.extension(path: path, child: update(child, changes, depth: depth + path.count)))
        case .branch(var children, var value):
            var rest = changes
            if let first = rest.first, first.path.count == depth {
                value = first.value
                rest = rest.dropFirst()
            }
            var start = rest.startIndex
            while start < rest.endIndex {
                let nibble = Int(rest[start].path[depth])
                var end = start
                while end < rest.endIndex, Int(rest[end].path[depth]) == nibble { end += 1 }
                guard let child = children[nibble] else { preconditionFailure("key not in the trie") }
                children[nibble] = update(child, rest[start..<end], depth: depth + 1)
                start = end
            }
            return PatriciaNode(.branch(children: children, value: value))
        }
    }

    /// The multiproof of `keys` (each in the trie): every node on the union of their paths, once, in depth-first
    /// pre-order, each branch with the mask of its children that follow (see ``PatriciaWitness``).
    ///
    /// - Precondition: no node on the keys' paths is embedded in its parent (true of any trie whose leaves encode to
    ///   32 bytes or more, such as one of accounts under 32-byte hashed keys).
    package func multiproof(keys: [[UInt8]]) -> PatriciaWitness {
        guard let rootNode, !keys.isEmpty else { return PatriciaWitness(nodes: []) }
        let paths = Array(Set(keys.map { HexPrefix.nibbles($0) })).sorted { $0.lexicographicallyPrecedes($1) }
        var nodes: [PatriciaWitness.Node] = []
        Self.prove(rootNode, paths[...], depth: 0, into: &nodes)
        return PatriciaWitness(nodes: nodes)
    }

    private static func prove(
        _ node: PatriciaNode, _ paths: ArraySlice<[UInt8]>, depth: Int, into nodes: inout [PatriciaWitness.Node]
    ) {
        switch node.kind {
        case .leaf:
            nodes.append(PatriciaWitness.Node(rlp: node.encoded, branchMask: nil))
        case .extension(let path, let child):
            precondition(!child.isEmbedded, "the multiproof follows hashed references only")
            nodes.append(PatriciaWitness.Node(rlp: node.encoded, branchMask: nil))
            prove(child, paths, depth: depth + path.count, into: &nodes)
        case .branch(let children, _):
            var groups: [(nibble: Int, paths: ArraySlice<[UInt8]>)] = []
            var start = paths.startIndex
            while start < paths.endIndex {
                precondition(paths[start].count > depth, "the multiproof proves leaves, not branch values")
                let nibble = Int(paths[start][depth])
                var end = start
                while end < paths.endIndex, Int(paths[end][depth]) == nibble { end += 1 }
                groups.append((nibble, paths[start..<end]))
                start = end
            }
            let mask = groups.reduce(UInt16(0)) { $0 | 1 << UInt16($1.nibble) }
            nodes.append(PatriciaWitness.Node(rlp: node.encoded, branchMask: mask))
            for group in groups {
                guard let child = children[group.nibble] else { preconditionFailure("key not in the trie") }
                precondition(!child.isEmbedded, "the multiproof follows hashed references only")
                prove(child, group.paths, depth: depth + 1, into: &nodes)
            }
        }
    }
}
