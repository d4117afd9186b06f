import Beacon
import Foundation
import Testing

@testable import Shard

/// The sparse Merkle tree and its compressed multiproof, checked against independent computations: the root
/// recomputed naively level by level over all 256 levels, and the proof's siblings counted from the set of nodes on
/// the proven paths.
@Suite struct SparseTreeTests {
    /// `count` accounts with distinct pseudo-random addresses (no keys needed for hashing).
    static func accounts(_ count: Int, salt: UInt8 = 0) -> [TokenAccount] {
        (0..<count).map { i in
            let address = Array(Keccak256.hash([salt, UInt8(i & 0xff), UInt8(i >> 8)]).prefix(20))
            return TokenAccount(address: address, balance: Gwei(UInt64(1_000 + i)), nonce: UInt64(i % 3))
        }
    }

    /// The root by the definition: a node at height `h` is E_h when no key lies below it, the leaf hash at height 0,
    /// and keccak256(left ‖ right) otherwise, splitting the keys on bit `h − 1`.
    static func naiveRoot(_ accounts: [TokenAccount]) -> TokenNode {
        let leaves = accounts.enumerated().map {
            (SparseKey(address: $0.element.address), UInt32($0.offset), $0.element)
        }
        func node(_ members: [(SparseKey, UInt32, TokenAccount)], height: Int) -> TokenNode {
            if members.isEmpty { return SparseNodes.empty[height] }
            if height == 0 { return SparseNodes.leafHash(number: members[0].1, account: members[0].2) }
            let left = members.filter { $0.0.bit(height - 1) == 0 }
            let right = members.filter { $0.0.bit(height - 1) == 1 }
            return .parent(node(left, height: height - 1), node(right, height: height - 1))
        }
        return node(leaves, height: 256)
    }

    /// A key's path from the root as a string of bits, most significant first.
    static func bits(_ key: SparseKey) -> [Character] { (0..<256).reversed().map { key.bit($0) == 1 ? "1" : "0" } }

    /// The siblings a multiproof of `touched` needs among `live` keys, counted by definition: every sibling of a node on
    /// a proven path that is not itself on one, and how many of them hold a live key.
    static func siblingCounts(touched: [SparseKey], live: [SparseKey]) -> (all: Int, nonEmpty: Int) {
        var onPath = Set<String>()
        for key in touched {
            let path = bits(key)
            for length in 1...256 { onPath.insert(String(path[0..<length])) }
        }
        var livePrefixes = Set<String>()
        for key in live {
            let path = bits(key)
            for length in 1...256 { livePrefixes.insert(String(path[0..<length])) }
        }
        var all = 0
        var nonEmpty = 0
        for prefix in onPath {
            var sibling = Array(prefix)
            sibling[sibling.count - 1] = sibling.last == "0" ? "1" : "0"
            let name = String(sibling)
            if onPath.contains(name) { continue }
            all += 1
            if livePrefixes.contains(name) { nonEmpty += 1 }
        }
        return (all, nonEmpty)
    }

    @Test("The root is the naive 256-level root, for 0, 1, 2 and 40 accounts, and follows updates")
    func rootMatchesDefinition() {
        for count in [0, 1, 2, 40] {
            let accounts = Self.accounts(count)
            var tree = SparseTree(accounts: accounts)
            #expect(tree.rootNode == Self.naiveRoot(accounts), "\(count) accounts")
            guard count > 2 else { continue }
            var changed = accounts
            changed[1].balance = Gwei(7)
            changed[count - 1].nonce = 99
            tree.setAccounts([
                TokenWitness.Leaf(index: 1, account: changed[1]),
                TokenWitness.Leaf(index: UInt32(count - 1), account: changed[count - 1]),
            ])
            #expect(tree.rootNode == Self.naiveRoot(changed))
            #expect(tree == SparseTree(accounts: changed))
        }
    }

    @Test("A multiproof proves the root, has the siblings the definition counts, and its documented size")
    func multiproofSize() throws {
        let accounts = Self.accounts(300, salt: 1)
        let tree = SparseTree(accounts: accounts)
        var state: UInt64 = 5
        func next() -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 33) % 300
        }
        for k in [1, 2, 7, 40] {
            let touched = (0..<k).map { _ in next() }
            let witness = tree.multiproof(for: touched)
            let distinct = Set(touched).count
            #expect(witness.leaves.count == distinct)
            let roots = try #require(try witness.roots(updated: witness.leaves.map { $0.account }))
            #expect(roots.pre == tree.root && roots.post == tree.root)
            let counts = Self.siblingCounts(
                touched: Set(touched).map { tree.keys[Int($0)] }, live: tree.keys)
            #expect(witness.emptySiblings.count == counts.all)
            #expect(witness.hashes.count == counts.nonEmpty)
            #expect(witness.emptySiblings.count { !$0 } == witness.hashes.count)
            var encoded: [UInt8] = []
            witness.encode(into: &encoded)
            let documented: Int = 8 + 40 * distinct + (counts.all + 7) / 8 + 32 * counts.nonEmpty
            #expect(encoded.count == documented)
            #expect(encoded.count == witness.byteCount)
            var reader = TokenByteReader(encoded)
            #expect(try SparseWitness(from: &reader) == witness)
        }
    }

    @Test("The post-state root of a witness is the root of the updated tree")
    func postRoot() throws {
        let accounts = Self.accounts(50, salt: 2)
        var tree = SparseTree(accounts: accounts)
        let witness = tree.multiproof(for: [3, 17, 4, 49])
        var updated = witness.leaves.map(\.account)
        updated[0].balance = Gwei(1)
        updated[2].nonce += 1
        let roots = try #require(try witness.roots(updated: updated))
        tree.setAccounts(zip(witness.leaves, updated).map { TokenWitness.Leaf(index: $0.index, account: $1) })
        #expect(roots.post == tree.root)
    }

    @Test("Malformed witnesses are refused: keys out of order, too few or too many siblings, hashes missing")
    func malformed() {
        let tree = SparseTree(accounts: Self.accounts(20, salt: 3))
        let witness = tree.multiproof(for: [1, 2, 3])
        var swapped = witness
        swapped.leaves.swapAt(0, 1)
        #expect(throws: TokenFormatError.self) { try swapped.roots(updated: swapped.leaves.map(\.account)) }
        var short = witness
        short.emptySiblings.removeLast()
        #expect(throws: TokenFormatError.self) { try short.roots(updated: short.leaves.map(\.account)) }
        var long = witness
        long.emptySiblings.append(true)
        #expect(throws: TokenFormatError.self) { try long.roots(updated: long.leaves.map(\.account)) }
        var padded: [UInt8] = []
        witness.encode(into: &padded)
        let bitmapEnd = 4 + 40 * 3 + 4 + (witness.emptySiblings.count + 7) / 8 - 1
        if witness.emptySiblings.count % 8 != 0 {
            padded[bitmapEnd] |= 0x80
            var reader = TokenByteReader(padded)
            #expect(throws: TokenFormatError.self) { try SparseWitness(from: &reader) }
        }
    }

    @Test("A tree survives encoding")
    func codable() throws {
        let tree = SparseTree(accounts: Self.accounts(10, salt: 4))
        let decoded = try JSONDecoder().decode(SparseTree.self, from: JSONEncoder().encode(tree))
        #expect(decoded == tree)
        #expect(decoded.accounts == tree.accounts)
    }
}

/// The theory of ``SparseMultiproofExpectation`` against many random blocks of a real tree.
@Suite struct SparseWitnessExpectationTests {
    @Test("Over 200 random blocks, mean siblings and proof hashes are within 3 % of the expectation")
    func meanMatchesTheory() {
        let n = 1_000
        let k = 20
        let tree = SparseTree(accounts: SparseTreeTests.accounts(n, salt: 9))
        var state: UInt64 = 77
        func next() -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 33) % UInt32(n)
        }
        var siblings = 0
        var hashes = 0
        let blocks = 200
        for _ in 0..<blocks {
            var touched = Set<UInt32>()
            while touched.count < k { touched.insert(next()) }
            let witness = tree.multiproof(for: touched)
            siblings += witness.emptySiblings.count
            hashes += witness.hashes.count
        }
        let expected = SparseMultiproofExpectation.expected(leaves: k, live: n)
        let meanSiblings = Double(siblings) / Double(blocks)
        let meanHashes = Double(hashes) / Double(blocks)
        #expect(abs(meanSiblings / expected.siblings - 1) < 0.03, "siblings \(meanSiblings) vs \(expected.siblings)")
        #expect(abs(meanHashes / expected.hashes - 1) < 0.03, "hashes \(meanHashes) vs \(expected.hashes)")
        // The form k · (log₂(N / k) + c) holds with c ≈ −0.54 (Documentation/SparseTokenEE.md).
        let folk = Double(k) * (log2(Double(n) / Double(k)) - 0.54)
        #expect(abs(expected.hashes / folk - 1) < 0.02, "expected \(expected.hashes) vs k(log2(N/k) − 0.54) = \(folk)")
    }
}
