import Beacon
import Testing

@testable import Shard

/// The Merkle tree and its multiproofs: roots are consistent however the tree is built, every multiproof verifies,
/// and any change to a witness makes it fail.
@Suite struct TokenTreeTests {
    static func accounts(_ count: Int, seed: UInt64 = 1) -> [TokenAccount] {
        var random = TokenTestRandom(seed: seed)
        return (0..<count).map { _ in
            TokenAccount(
                address: (0..<20).map { _ in UInt8.random(in: 0...255, using: &random) },
                balance: Gwei(random.next() % 1_000_000),
                nonce: random.next() % 5
            )
        }
    }

    @Test("An empty tree's root is the empty subtree hash, and a single leaf of depth 0 is its own root")
    func emptyTree() {
        #expect(TokenTree(depth: 5).root == TokenTree.emptyNode(height: 5).root)
        #expect(TokenTree.emptyNode(height: 1) == .parent(.zero, .zero))
        let account = Self.accounts(1)[0]
        #expect(TokenTree(depth: 0, accounts: [account]).rootNode == account.leafHash)
    }

    @Test("The leaf hash is keccak256(address ‖ le64 balance ‖ le64 nonce), and zero for the empty leaf")
    func leafHash() {
        let account = TokenAccount(address: [UInt8](repeating: 0xab, count: 20), balance: Gwei(0x0102), nonce: 3)
        let preimage = [UInt8](repeating: 0xab, count: 20) + [2, 1, 0, 0, 0, 0, 0, 0] + [3, 0, 0, 0, 0, 0, 0, 0]
        #expect(account.leafHash.bytes == Keccak256.hash(preimage))
        #expect(TokenAccount.empty.leafHash == .zero)
    }

    @Test("Building in bulk and setting leaves one by one give the same root", arguments: [0, 1, 5, 64, 100])
    func bulkEqualsIncremental(count: Int) {
        let accounts = Self.accounts(count)
        let bulk = TokenTree(depth: 7, accounts: accounts)
        var incremental = TokenTree(depth: 7)
        for (i, account) in accounts.enumerated().reversed() { incremental.setAccount(account, at: UInt32(i)) }
        #expect(bulk.root == incremental.root)
        var batch = TokenTree(depth: 7)
        batch.setAccounts(
            accounts.enumerated().map { TokenWitness.Leaf(index: UInt32($0.offset), account: $0.element) }
        )
        #expect(bulk.root == batch.root)
        #expect(TokenTree.depth(forAccountCount: 5_000) == 13)
    }

    @Test("Multiproofs of random subsets verify against the root", arguments: [1, 2, 3, 4])
    func randomSubsets(seed: UInt64) throws {
        var random = TokenTestRandom(seed: seed)
        let tree = TokenTree(depth: 10, accounts: Self.accounts(700, seed: seed))
        for _ in 0..<20 {
            let count = Int.random(in: 1...40, using: &random)
            let indices = (0..<count).map { _ in UInt32.random(in: 0..<1024, using: &random) }
            let witness = tree.multiproof(for: indices)
            #expect(witness.verify(root: tree.root, depth: 10), "seed \(seed), indices \(indices)")
            #expect(
                witness.hashes.count
                    == TokenWitness.proofHashCount(indices: witness.leaves.map { UInt64($0.index) }, depth: 10)
            )
            // The encoding round-trips inside a block.
            let block = TokenBlock(depth: 10, shard: ShardID(0), transactions: [], witness: witness)
            #expect(try TokenBlock(decoding: block.encoded) == block)
        }
    }

    @Test("A proof of every leaf needs no hashes, and a proof of one leaf needs one per level")
    func proofSizes() {
        let tree = TokenTree(depth: 4, accounts: Self.accounts(16))
        #expect(tree.multiproof(for: 0..<16).hashes.isEmpty)
        #expect(tree.multiproof(for: [9]).hashes.count == 4)
    }

    @Test("Updating leaves through the witness gives the root of the updated tree")
    func postRoot() throws {
        var tree = TokenTree(depth: 13, accounts: Self.accounts(600))
        let witness = tree.multiproof(for: [0, 1, 77, 599, 8_000])
        var updated = witness.leaves.map(\.account)
        updated[2].balance = Gwei(123)
        updated[4] = Self.accounts(1, seed: 9)[0]
        let roots = try #require(try witness.roots(depth: 13, updated: updated))
        #expect(roots.pre == tree.root)
        for (leaf, account) in zip(witness.leaves, updated) { tree.setAccount(account, at: leaf.index) }
        #expect(roots.post == tree.root)
    }

    @Test("A forged witness does not verify", arguments: ForgedWitness.allCases)
    func forged(forgery: ForgedWitness) {
        let tree = TokenTree(depth: 8, accounts: Self.accounts(200))
        var witness = tree.multiproof(for: [3, 4, 90, 199])
        forgery.apply(&witness)
        #expect(!witness.verify(root: tree.root, depth: 8))
    }

    @Test("A witness checked against another depth does not verify")
    func wrongDepth() {
        let tree = TokenTree(depth: 8, accounts: Self.accounts(200))
        let witness = tree.multiproof(for: [3, 4, 90, 199])
        #expect(!witness.verify(root: tree.root, depth: 7))
        #expect(!witness.verify(root: tree.root, depth: 9))
    }

    enum ForgedWitness: CaseIterable, Sendable {
        case changedBalance, changedNonce, changedAddress, changedHash, droppedHash, extraHash, swappedLeafIndex

        func apply(_ witness: inout TokenWitness) {
            switch self {
            case .changedBalance: witness.leaves[1].account.balance = witness.leaves[1].account.balance + Gwei(1)
            case .changedNonce: witness.leaves[0].account.nonce += 1
            case .changedAddress: witness.leaves[2].account.address[0] ^= 1
            case .changedHash:
                var bytes = witness.hashes[3].bytes
                bytes[31] ^= 0x80
                witness.hashes[3] = bytes.withUnsafeBytes { TokenNode($0) }
            case .droppedHash: witness.hashes.removeLast()
            case .extraHash: witness.hashes.append(.zero)
            case .swappedLeafIndex: witness.leaves[2].index = 91
            }
        }
    }
}

/// A small seeded generator (TokenTestRandom) so random tests replay from their seed.
struct TokenTestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
