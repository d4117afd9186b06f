import Beacon
import Foundation
import Testing

@testable import Shard

/// A token tree with background accounts against the same tree fully built: identical roots, accounts and
/// witnesses (byte for byte), before and after updates, and after a checkpoint round trip.
@Suite struct TokenBackgroundTreeTests {
    /// (accounts, period bits, extra depth): periods shorter than the tree (addresses repeat), as long as it, and
    /// accounts that do not fill the capacity (subtrees straddling the last account).
    static let cases: [(count: Int, periodBits: Int, extraDepth: Int)] = [
        (100, 3, 0), (1_000, 4, 0), (1_024, 5, 0), (777, 10, 0), (300, 2, 2), (1, 0, 0), (2, 1, 3), (5_000, 6, 0),
    ]

    /// The background tree, the full tree of the same leaves, and the active users.
    static func trees(
        count: Int, periodBits: Int, extraDepth: Int, seed: UInt64
    ) -> (background: TokenTree, full: TokenTree, active: [TokenWitness.Leaf]) {
        var random = TokenTestRandom(seed: seed)
        let depth = TokenTree.depth(forAccountCount: count) + extraDepth
        let background = BackgroundAccounts(accountCount: count, seed: seed, balance: Gwei(1_000))
        let activeCount = max(1, count / 10)
        let positions = Set((0..<activeCount).map { _ in UInt32.random(in: 0..<UInt32(count), using: &random) })
        let users = TokenTreeTests.accounts(positions.count, seed: seed)
        let active = zip(positions.sorted(), users).map { TokenWitness.Leaf(index: $0, account: $1) }
        let tree = TokenTree(depth: depth, background: background, accounts: active, periodBits: periodBits)
        let pattern = TokenBackgroundPattern.shared(seed: seed, balance: background.balance, periodBits: periodBits)
        var leaves = (0..<count).map { pattern.account(at: UInt32($0)) }
        for leaf in active { leaves[Int(leaf.index)] = leaf.account }
        return (tree, TokenTree(depth: depth, accounts: leaves), active)
    }

    @Test("Roots, accounts and witnesses equal the fully built tree's", arguments: cases.indices)
    func equivalence(caseIndex: Int) {
        let c = Self.cases[caseIndex]
        for seed: UInt64 in 1...3 {
            let (tree, full, active) = Self.trees(
                count: c.count, periodBits: c.periodBits, extraDepth: c.extraDepth, seed: seed)
            #expect(tree.root == full.root, "case \(c), seed \(seed)")
            #expect(tree.storedAccounts == active)
            #expect(tree.totalBalance == full.accounts.reduce(.zero) { $0 + $1.balance })
            var random = TokenTestRandom(seed: seed &+ 100)
            let capacity = UInt32(tree.capacity)
            for _ in 0..<20 {
                let indices = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                    UInt32.random(in: 0..<capacity, using: &random)
                }
                #expect(tree.multiproof(for: indices).encoded == full.multiproof(for: indices).encoded)
                for index in indices { #expect(tree.account(at: index) == full.account(at: index)) }
            }
        }
    }

    @Test("Updates (active, background and empty leaves) keep roots and witnesses equal", arguments: cases.indices)
    func updates(caseIndex: Int) {
        let c = Self.cases[caseIndex]
        var (tree, full, _) = Self.trees(count: c.count, periodBits: c.periodBits, extraDepth: c.extraDepth, seed: 7)
        var random = TokenTestRandom(seed: 8)
        let capacity = UInt32(tree.capacity)
        for round in 0..<10 {
            let changed = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                TokenWitness.Leaf(
                    index: UInt32.random(in: 0..<capacity, using: &random),
                    account: TokenTreeTests.accounts(1, seed: random.next())[0])
            }
            tree.setAccounts(changed)
            full.setAccounts(changed)
            #expect(tree.root == full.root, "case \(c), round \(round)")
            #expect(tree.totalBalance == full.accounts.reduce(.zero) { $0 + $1.balance })
            let probe = changed.map(\.index) + [UInt32.random(in: 0..<capacity, using: &random)]
            #expect(tree.multiproof(for: probe).encoded == full.multiproof(for: probe).encoded)
        }
    }

    @Test("A checkpoint stores only the stored accounts and restores the same tree")
    func codableRoundTrip() throws {
        var (tree, _, active) = Self.trees(count: 5_000, periodBits: 6, extraDepth: 1, seed: 4)
        tree.setAccount(TokenTreeTests.accounts(1, seed: 99)[0], at: 4_999)
        let data = try JSONEncoder().encode(tree)
        let decoded = try JSONDecoder().decode(TokenTree.self, from: data)
        #expect(decoded.root == tree.root)
        #expect(decoded.depth == tree.depth)
        #expect(decoded.storedAccounts == tree.storedAccounts)
        #expect(decoded.background == tree.background)
        #expect(decoded.backgroundPeriodBits == 6)
        // 40 bytes per stored account (base64 in JSON), not 36 per account of the state.
        #expect(data.count < (active.count + 1) * 40 * 2 + 400)
    }

    @Test("The pattern is shared: background leaves repeat with the period, and a long period changes nothing below")
    func patternSharing() {
        let pattern = TokenBackgroundPattern.shared(seed: 5, balance: Gwei(3), periodBits: 4)
        #expect(pattern === TokenBackgroundPattern.shared(seed: 5, balance: Gwei(3), periodBits: 4))
        #expect(pattern.account(at: 3) == pattern.account(at: 3 + 16 * 1_000))
        #expect(pattern.account(at: 3) != pattern.account(at: 4))
        let long = TokenBackgroundPattern.shared(seed: 5, balance: Gwei(3), periodBits: 10)
        #expect(long.account(at: 3) == pattern.account(at: 3))
        #expect(long.node(height: 4, index: 0) == pattern.node(height: 4, index: 0))
        #expect(
            pattern.node(height: 6, index: 9)
                == .parent(pattern.node(height: 5, index: 0), pattern.node(height: 5, index: 0)))
    }

    @Test("A tree of 2^28 accounts builds without materializing them, and its witnesses verify")
    func largeTree() {
        let background = BackgroundAccounts(accountCount: 1 << 28, seed: 11, balance: Gwei(3_725))
        let active = [UInt32(5), 77_777, 200_000_000].map {
            TokenWitness.Leaf(index: $0, account: TokenTreeTests.accounts(1, seed: UInt64($0))[0])
        }
        let tree = TokenTree(depth: 28, background: background, accounts: active, periodBits: 12)
        let witness = tree.multiproof(for: [5, 6, 200_000_000, 268_435_455])
        #expect(witness.verify(root: tree.root, depth: 28))
        #expect(tree.storedAccounts.count == 3)
    }
}
