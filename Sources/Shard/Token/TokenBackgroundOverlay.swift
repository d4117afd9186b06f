import Beacon

/// The stored part of a ``TokenTree`` with background accounts: the accounts that differ from the background
/// (active users, and any background account a block changed) and every node on their paths to the root; every
/// other node is read from the shared ``TokenBackgroundPattern`` or is the empty subtree's hash.
///
/// Memory grows with the stored accounts times the depth, never with the number of background accounts.
struct TokenBackgroundOverlay: Sendable {
    /// The accounts `0 ..< background.accountCount` exist; leaves past them are empty.
    let background: BackgroundAccounts
    let pattern: TokenBackgroundPattern
    let depth: Int
    /// The stored accounts by leaf index.
    private(set) var accounts: [UInt32: TokenAccount] = [:]
    /// Stored nodes by ``key(height:index:)``: the paths of stored accounts, and the nodes whose subtree holds both
    /// background accounts and empty leaves (one per level at most).
    private var nodes: [UInt64: TokenNode] = [:]

    /// A tree of `depth` levels holding only background accounts.
    init(depth: Int, background: BackgroundAccounts, periodBits: Int) {
        precondition(UInt64(background.accountCount) <= 1 << UInt64(depth), "the accounts exceed 2^\(depth) leaves")
        self.depth = depth
        self.background = background
        pattern = TokenBackgroundPattern.shared(
            seed: background.seed, balance: background.balance, periodBits: periodBits)
        // The subtrees that straddle the last account, bottom-up, each from its children.
        let count = UInt64(background.accountCount)
        guard count > 0 else { return }
        for height in 1..<(depth + 1) {
            let index = (count - 1) >> UInt64(height)
            if (index + 1) << UInt64(height) > count {
                nodes[Self.key(height: height, index: index)] = .parent(
                    node(height: height - 1, index: 2 * index), node(height: height - 1, index: 2 * index + 1))
            }
        }
    }

    private static func key(height: Int, index: UInt64) -> UInt64 { UInt64(height) << 32 | index }

    /// The account at leaf `index`: stored, background, or empty past the accounts.
    func account(at index: UInt32) -> TokenAccount {
        if let account = accounts[index] { return account }
        return Int(index) < background.accountCount ? pattern.account(at: index) : .empty
    }

    /// The hash of the node at `height` and position `index`.
    func node(height: Int, index: UInt64) -> TokenNode {
        if let node = nodes[Self.key(height: height, index: index)] { return node }
        let first = index << UInt64(height)
        let count = UInt64(background.accountCount)
        if first >= count { return TokenTree.emptyNode(height: height) }
        // Not stored and not straddling the last account (those are stored): wholly background.
        return pattern.node(height: height, index: index)
    }

    /// Stores each leaf's account and rehashes every changed node once, level by level (see
    /// ``TokenTree/setAccounts(_:)``).
    mutating func setAccounts(_ leaves: [TokenWitness.Leaf]) {
        for leaf in leaves {
            accounts[leaf.index] = leaf.account
            nodes[Self.key(height: 0, index: UInt64(leaf.index))] = leaf.account.leafHash
        }
        var positions = Array(Set(leaves.map { UInt64($0.index) })).sorted()
        for height in 1..<(depth + 1) {
            var parents: [UInt64] = []
            parents.reserveCapacity(positions.count)
            for position in positions where parents.last != position >> 1 { parents.append(position >> 1) }
            for parent in parents {
                nodes[Self.key(height: height, index: parent)] = .parent(
                    node(height: height - 1, index: 2 * parent), node(height: height - 1, index: 2 * parent + 1))
            }
            positions = parents
        }
    }

    /// The stored accounts in index order.
    var storedAccounts: [TokenWitness.Leaf] {
        accounts.sorted { $0.key < $1.key }.map { TokenWitness.Leaf(index: $0.key, account: $0.value) }
    }

    /// The sum of every account's balance: the stored ones, plus the background balance of each background
    /// account not stored.
    var totalBalance: Gwei {
        var storedBackground: UInt64 = 0
        var total = Gwei.zero
        for (index, account) in accounts {
            total = total + account.balance
            if Int(index) < background.accountCount { storedBackground += 1 }
        }
        return total + Gwei(background.balance.value * (UInt64(background.accountCount) - storedBackground))
    }
}
