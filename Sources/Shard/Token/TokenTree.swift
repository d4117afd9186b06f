import Beacon

/// The full state of one token EE on one shard: every account, in a fixed-depth binary Merkle tree whose root is
/// the EE's state root.
///
/// Leaf `i` (`0 ..< 2^depth`) holds account `i`; its hash is ``TokenAccount/leafHash``, an inner node is
/// `keccak256(left ‖ right)`, and a subtree with only empty leaves has a precomputed hash (``emptyNode(height:)``).
/// Nodes are kept level by level in flat arrays covering the occupied prefix of the leaves, so memory grows with
/// the highest occupied index, not the capacity; reads past the prefix return the empty subtree's hash.
///
/// A tree made with ``init(depth:background:accounts:periodBits:)`` instead holds ``BackgroundAccounts``: only the
/// accounts that differ from the background and the nodes above them are stored, every other node comes from a
/// shared ``TokenBackgroundPattern``, and the roots and witnesses are those of the fully built tree.
///
/// ```swift
/// var tree = TokenTree(depth: 13, accounts: genesisAccounts)   // 5,000 accounts fit in 2^13
/// tree.setAccount(updated, at: 42)                             // O(depth) hashes
/// let witness = tree.multiproof(for: [3, 42, 4_999])
/// ```
package struct TokenTree: Sendable {
    /// The deepest tree the EE accepts: leaf indices are 32-bit.
    package static let maxDepth = 32

    /// The number of levels below the root; the tree has `2^depth` leaves.
    package let depth: Int
    /// Accounts `0 ..< accounts.count`; every later leaf is empty. Empty in a tree with background accounts (see
    /// ``storedAccounts``).
    package private(set) var accounts: [TokenAccount]
    /// `levels[h]` holds the nodes at height `h` (0 = leaves) covering the occupied prefix (empty with background).
    private var levels: [[TokenNode]]
    /// The stored accounts and nodes over the background, or `nil` when every account is stored in ``accounts``.
    private var overlay: TokenBackgroundOverlay?

    /// The hash of an all-empty subtree of each height `0 ... maxDepth`.
    private static let emptyNodes: [TokenNode] = {
        var nodes = [TokenNode.zero]
        for _ in 0..<maxDepth { nodes.append(.parent(nodes[nodes.count - 1], nodes[nodes.count - 1])) }
        return nodes
    }()

    /// The hash of a subtree of height `height` whose leaves are all empty.
    package static func emptyNode(height: Int) -> TokenNode { emptyNodes[height] }

    /// The smallest depth whose capacity holds `accountCount` accounts (0 for at most one).
    package static func depth(forAccountCount accountCount: Int) -> Int {
        var depth = 0
        while (1 << depth) < accountCount { depth += 1 }
        return depth
    }

    /// An empty tree of `depth` levels (`0 ... maxDepth`).
    package init(depth: Int) {
        precondition((0...Self.maxDepth).contains(depth), "token tree depth must be 0 ... \(Self.maxDepth)")
        self.depth = depth
        self.accounts = []
        self.levels = Array(repeating: [], count: depth + 1)
        self.overlay = nil
    }

    /// A tree of `depth` levels whose accounts `0 ..< background.accountCount` are background accounts, except
    /// `accounts`, which are stored (active users).
    ///
    /// - Parameter periodBits: background addresses repeat every `2^periodBits` leaves (``TokenBackgroundPattern``).
    /// - Complexity: `depth` hashes per account in `accounts`, plus building the shared pattern once per process.
    package init(
        depth: Int, background: BackgroundAccounts, accounts: [TokenWitness.Leaf],
        periodBits: Int = TokenBackgroundPattern.defaultPeriodBits
    ) {
        self.init(depth: depth)
        var overlay = TokenBackgroundOverlay(depth: depth, background: background, periodBits: periodBits)
        overlay.setAccounts(accounts)
        self.overlay = overlay
    }

    /// The background accounts, or `nil` when every account is stored.
    package var background: BackgroundAccounts? { overlay?.background }

    /// The period of the background addresses, in bits, or `nil` without background accounts.
    package var backgroundPeriodBits: Int? { overlay?.pattern.periodBits }

    /// Every stored account with its index, in index order: all accounts without background accounts, otherwise
    /// the active users and any background account a block changed.
    package var storedAccounts: [TokenWitness.Leaf] {
        if let overlay { return overlay.storedAccounts }
        return accounts.enumerated().map { TokenWitness.Leaf(index: UInt32($0.offset), account: $0.element) }
    }

    /// The sum of every account's balance, background accounts included.
    package var totalBalance: Gwei {
        if let overlay { return overlay.totalBalance }
        return accounts.reduce(.zero) { $0 + $1.balance }
    }

    /// A tree holding `accounts` at leaves `0 ..< accounts.count`, built bottom-up.
    ///
    /// - Complexity: one hash per occupied leaf and per inner node above them, about `2 · accounts.count`.
    package init(depth: Int, accounts: [TokenAccount]) {
        self.init(depth: depth)
        precondition(UInt64(accounts.count) <= capacity, "\(accounts.count) accounts exceed 2^\(depth) leaves")
        self.accounts = accounts
        levels[0] = accounts.map(\.leafHash)
        for height in 1..<(depth + 1) {
            let below = levels[height - 1]
            var nodes: [TokenNode] = []
            nodes.reserveCapacity((below.count + 1) / 2)
            var i = 0
            while i < below.count {
                let right = i + 1 < below.count ? below[i + 1] : Self.emptyNodes[height - 1]
                nodes.append(.parent(below[i], right))
                i += 2
            }
            levels[height] = nodes
        }
    }

    /// The number of leaves, `2^depth`.
    package var capacity: UInt64 { 1 << UInt64(depth) }

    /// The state root: the hash at the top of the tree.
    package var root: Root { rootNode.root }

    /// The root as a node.
    package var rootNode: TokenNode { node(height: depth, index: 0) }

    /// The account at leaf `index`: the empty leaf past the occupied prefix.
    package func account(at index: UInt32) -> TokenAccount {
        if let overlay { return overlay.account(at: index) }
        return Int(index) < accounts.count ? accounts[Int(index)] : .empty
    }

    /// The hash of the node at `height` (0 = leaf) and position `index` within its level.
    package func node(height: Int, index: UInt64) -> TokenNode {
        if let overlay { return overlay.node(height: height, index: index) }
        let level = levels[height]
        return index < UInt64(level.count) ? level[Int(index)] : Self.emptyNodes[height]
    }

    /// Stores `account` at leaf `index` (below ``capacity``) and rehashes the path to the root.
    ///
    /// - Complexity: `depth` hashes, plus growing the level arrays when `index` is past the occupied prefix.
    package mutating func setAccount(_ account: TokenAccount, at index: UInt32) {
        setAccounts([TokenWitness.Leaf(index: index, account: account)])
    }

    /// Stores each leaf's account (indices below ``capacity``; the last one wins for a repeated index) and rehashes
    /// every changed node once, level by level, so ancestors shared by several leaves are hashed once.
    ///
    /// - Complexity: one hash per distinct ancestor of the leaves: at most `k · depth` for `k` leaves, and about
    ///   `k · (depth − log₂ k) + k` when they are spread out.
    package mutating func setAccounts(_ leaves: [TokenWitness.Leaf]) {
        guard let highest = leaves.map(\.index).max() else { return }
        precondition(UInt64(highest) < capacity, "leaf \(highest) is outside a tree of depth \(depth)")
        if overlay != nil {
            overlay?.setAccounts(leaves)
            return
        }
        grow(toInclude: Int(highest))
        for leaf in leaves {
            accounts[Int(leaf.index)] = leaf.account
            levels[0][Int(leaf.index)] = leaf.account.leafHash
        }
        var positions = Array(Set(leaves.map { Int($0.index) })).sorted()
        for height in 1..<(depth + 1) {
            var parents: [Int] = []
            parents.reserveCapacity(positions.count)
            for position in positions where parents.last != position >> 1 { parents.append(position >> 1) }
            for parent in parents {
                let left = node(height: height - 1, index: UInt64(2 * parent))
                let right = node(height: height - 1, index: UInt64(2 * parent + 1))
                levels[height][parent] = .parent(left, right)
            }
            positions = parents
        }
    }

    /// Extends the accounts and every level so that leaf `leaf` and its ancestors are stored.
    private mutating func grow(toInclude leaf: Int) {
        guard leaf >= accounts.count else { return }
        accounts.append(contentsOf: repeatElement(.empty, count: leaf + 1 - accounts.count))
        for height in 0...depth {
            let needed = (leaf >> height) + 1
            if levels[height].count < needed {
                levels[height].append(
                    contentsOf: repeatElement(Self.emptyNodes[height], count: needed - levels[height].count)
                )
            }
        }
    }
}
