/// Multiproofs: the witness a block carries for the accounts it touches.
extension SparseTree {
    /// The witness for accounts `numbers` (any order, duplicates ignored; each below ``count``): their leaves in key
    /// order, and one sibling per level of each proof path in the order ``SparseWitness/roots(updated:)`` consumes
    /// them — a bit for an empty subtree, the stored top hash of the other child of a branch node otherwise.
    ///
    /// - Complexity: O(k · 256) for k accounts, no hashing.
    package func multiproof(for numbers: some Sequence<UInt32>) -> SparseWitness {
        let positions = Set(numbers.map { position(of: $0) }).sorted()
        let leaves = positions.map { TokenWitness.Leaf(index: number(at: $0), account: account(number(at: $0))) }
        var emptySiblings: [Bool] = []
        var hashes: [TokenNode] = []
        let top = SparseNodes.height + 1
        var merges: [Int] = []
        for (t, position) in positions.enumerated() {
            let key = keys[Int(number(at: position))]
            // `child` is the lowest stored node on the path at or below the current height, `above` its parent.
            var child = position
            var above = parentNode(of: position)
            var height = 0
            let right =
                t + 1 < positions.count
                ? key.commonAncestorHeight(with: keys[Int(number(at: positions[t + 1]))]) : top
            while true {
                let left = merges.last ?? top
                let goal = min(left, right)
                let target = goal == top ? SparseNodes.height : goal - 1
                while height < target {
                    if above >= 0 && self.height(of: above) == height + 1 {
                        emptySiblings.append(false)
                        hashes.append(self.top(of: sibling(of: child, under: above)))
                        child = above
                        above = parentNode(of: above)
                    } else {
                        emptySiblings.append(true)
                    }
                    height += 1
                }
                if goal == top { break }
                if left < right {
                    // The meeting point is the branch above: both its children hold proven accounts.
                    merges.removeLast()
                    child = above
                    above = parentNode(of: above)
                    height = left
                } else {
                    merges.append(right)
                    break
                }
            }
        }
        return SparseWitness(leaves: leaves, emptySiblings: emptySiblings, hashes: hashes)
    }
}
