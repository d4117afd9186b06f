import Beacon

/// The full state of one sparse token EE on one shard: every account, at the leaf `keccak256(address)` of a
/// 256-level sparse Merkle tree whose root is the EE's state root.
///
/// Accounts are numbered `0 ..< N` (transactions, receipts and `state.sqlite` name them so, as in the token EE); the
/// number is part of the leaf (``SparseNodes/leafHash(number:account:)``), the address decides where it sits. Accounts
/// are only created at genesis, so the set of keys — and with it the shape of the tree — never changes; blocks only
/// change leaves.
///
/// The tree is kept compressed: only the `N` leaves and the `N − 1` branch nodes (nodes with two non-empty
/// children) are stored, each with its own hash and its hash raised through the empty subtrees up to just below its
/// parent (its *top*). Every non-empty sibling a multiproof needs is the top of such a node, so proofs need no
/// hashing; building the tree costs about `N · (256 − log₂ N)` hashes, and changing `k` leaves about `256` each.
package struct SparseTree: Sendable {
    /// Accounts by number.
    package private(set) var accounts: [TokenAccount]
    /// The key of each account, by number.
    package let keys: [SparseKey]
    /// Account numbers in key order: node `p < N` is the leaf of account `order[p]`.
    private let order: [UInt32]
    /// The key-order position of each account.
    private let rank: [Int]
    /// Node `N + i` is the branch above leaves `i` and `i + 1` (in key order): its height, and its two children.
    private let branchHeight: [Int]
    private let leftChild: [Int]
    private let rightChild: [Int]
    /// The parent of every node (leaves, then branches), or -1 for the top node.
    private let parent: [Int]
    /// Each node's hash at its own height, and raised to just below its parent (the top node: to the root).
    private var nodeHash: [TokenNode]
    private var topHash: [TokenNode]
    /// The node every other lies under (-1 when there are no accounts).
    private let topNode: Int

    /// The tree holding `accounts` (numbered by position), whose addresses must be distinct.
    ///
    /// - Complexity: about `N · (256 − log₂ N)` hashes.
    package init(accounts: [TokenAccount]) {
        let n = accounts.count
        self.accounts = accounts
        let keys = accounts.map { SparseKey(address: $0.address) }
        self.keys = keys
        let order = (0..<UInt32(n)).sorted { keys[Int($0)] < keys[Int($1)] }
        self.order = order
        var rank = [Int](repeating: 0, count: n)
        for (position, number) in order.enumerated() { rank[Int(number)] = position }
        self.rank = rank
        let branches = max(0, n - 1)
        var branchHeight = [Int](repeating: 0, count: branches)
        for i in 0..<branches {
            branchHeight[i] = keys[Int(order[i])].commonAncestorHeight(with: keys[Int(order[i + 1])])
            precondition(branchHeight[i] > 0, "two accounts of a sparse tree have the same address")
        }
        // The branches form a Cartesian tree on their heights (the highest is the root); a side without a lower
        // branch holds the adjacent leaf.
        var leftChild = [Int](repeating: -1, count: branches)
        var rightChild = [Int](repeating: -1, count: branches)
        var stack: [Int] = []
        for i in 0..<branches {
            var last = -1
            while let top = stack.last, branchHeight[top] < branchHeight[i] { last = stack.removeLast() }
            if last >= 0 { leftChild[i] = n + last }
            if let top = stack.last { rightChild[top] = n + i }
            stack.append(i)
        }
        var parent = [Int](repeating: -1, count: n + branches)
        for i in 0..<branches {
            if leftChild[i] < 0 { leftChild[i] = i }
            if rightChild[i] < 0 { rightChild[i] = i + 1 }
            parent[leftChild[i]] = n + i
            parent[rightChild[i]] = n + i
        }
        self.branchHeight = branchHeight
        self.leftChild = leftChild
        self.rightChild = rightChild
        self.parent = parent
        topNode = n == 0 ? -1 : (n == 1 ? 0 : n + stack[0])
        nodeHash = [TokenNode](repeating: .zero, count: n + branches)
        topHash = nodeHash
        for position in 0..<n { rehashLeaf(position) }
        for branch in (0..<branches).sorted(by: { branchHeight[$0] < branchHeight[$1] }) { rehash(n + branch) }
    }

    /// The number of accounts.
    package var count: Int { accounts.count }

    /// The state root.
    package var root: Root { rootNode.root }

    /// The root as a node: the empty tree's `E_256` when there are no accounts.
    package var rootNode: TokenNode {
        topNode < 0 ? SparseNodes.empty[SparseNodes.height] : topHash[topNode]
    }

    /// The account numbered `number`, or the empty account past the last one.
    package func account(_ number: UInt32) -> TokenAccount {
        Int(number) < accounts.count ? accounts[Int(number)] : .empty
    }

    /// Stores each account (numbers below ``count``; the last one wins for a repeated number) and rehashes every
    /// changed node once.
    ///
    /// - Complexity: about 256 hashes per account (its leaf raised through the empty subtrees), plus its branches.
    package mutating func setAccounts(_ changes: [TokenWitness.Leaf]) {
        var branches = Set<Int>()
        for change in changes {
            precondition(Int(change.index) < accounts.count, "account \(change.index) is not in the tree")
            accounts[Int(change.index)] = change.account
        }
        for position in Set(changes.map { rank[Int($0.index)] }) {
            rehashLeaf(position)
            var node = parent[position]
            while node >= 0 {
                guard branches.insert(node).inserted else { break }
                node = parent[node]
            }
        }
        for node in branches.sorted(by: { branchHeight[$0 - count] < branchHeight[$1 - count] }) { rehash(node) }
    }

    // MARK: - Structure, for multiproofs

    /// The key-order position of account `number`.
    func position(of number: UInt32) -> Int { rank[Int(number)] }

    /// The account at key-order position `position`.
    func number(at position: Int) -> UInt32 { order[position] }

    /// The parent of `node`, or -1.
    func parentNode(of node: Int) -> Int { parent[node] }

    /// The height of `node`: 0 for a leaf, its branch height otherwise.
    func height(of node: Int) -> Int { node < count ? 0 : branchHeight[node - count] }

    /// The other child of branch `branch` than `child`.
    func sibling(of child: Int, under branch: Int) -> Int {
        leftChild[branch - count] == child ? rightChild[branch - count] : leftChild[branch - count]
    }

    /// The hash of `node` raised to just below its parent.
    func top(of node: Int) -> TokenNode { topHash[node] }

    // MARK: - Hashing

    private func topHeight(of node: Int) -> Int {
        parent[node] < 0 ? SparseNodes.height : branchHeight[parent[node] - count] - 1
    }

    private mutating func rehashLeaf(_ position: Int) {
        let number = order[position]
        nodeHash[position] = SparseNodes.leafHash(number: number, account: accounts[Int(number)])
        topHash[position] = SparseNodes.raise(
            nodeHash[position], key: keys[Int(number)], from: 0, to: topHeight(of: position))
    }

    private mutating func rehash(_ node: Int) {
        let branch = node - count
        nodeHash[node] = .parent(topHash[leftChild[branch]], topHash[rightChild[branch]])
        // Leaf `branch` lies under the branch, so its key has the branch's path above it.
        topHash[node] = SparseNodes.raise(
            nodeHash[node], key: keys[Int(order[branch])], from: branchHeight[branch], to: topHeight(of: node))
    }
}
