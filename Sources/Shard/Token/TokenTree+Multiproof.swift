/// Multiproofs: the witness a block carries for the accounts it touches.
extension TokenTree {
    /// The witness for the leaves `indices` (any order, duplicates ignored; each below ``capacity``): their accounts
    /// sorted by index, and the sibling hashes that cannot be computed from them, in the canonical order
    /// (bottom-up, level by level, left to right).
    ///
    /// - Complexity: O(k · depth) for k leaves, no hashing.
    package func multiproof(for indices: some Sequence<UInt32>) -> TokenWitness {
        let sorted = Array(Set(indices)).sorted()
        precondition(sorted.allSatisfy { UInt64($0) < capacity }, "a leaf index is outside the tree")
        let leaves = sorted.map { TokenWitness.Leaf(index: $0, account: account(at: $0)) }
        var hashes: [TokenNode] = []
        var known = sorted.map(UInt64.init)
        for height in 0..<depth {
            var parents: [UInt64] = []
            parents.reserveCapacity(known.count)
            var j = 0
            while j < known.count {
                let index = known[j]
                if index & 1 == 0 && j + 1 < known.count && known[j + 1] == index + 1 {
                    j += 2
                } else {
                    hashes.append(node(height: height, index: index ^ 1))
                    j += 1
                }
                parents.append(index >> 1)
            }
            known = parents
        }
        return TokenWitness(leaves: leaves, hashes: hashes)
    }
}
