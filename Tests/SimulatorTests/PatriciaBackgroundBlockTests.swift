import Beacon
import Shard
import Testing

@testable import Simulator

/// The drawn background trie of `bench accumulators` (``PatriciaBackgroundBlock``) has the shape a real trie of that
/// many random keys has: its witnesses are as large as real multiproofs of as many random accounts.
@Suite struct PatriciaBackgroundBlockTests {
    @Test("Witnesses over a drawn trie of 4,096 keys match real multiproofs of a built one, on average")
    func drawnTrieMatchesBuiltTrie() throws {
        let n = 4_096
        let k = 40
        let workload = AccumulatorWorkload(
            family: "B", transactions: k / 2, activeAccounts: k, stateAccounts: n, published2019: "")
        // A real trie of n accounts at random keys (the Python fixture's accounts, keys keccak256(address)).
        let accounts = (0..<UInt32(n)).map { i -> PatriciaAccount in
            var preimage = Array("shardsim-kat".utf8)
            withUnsafeBytes(of: i.littleEndian) { preimage.append(contentsOf: $0) }
            return PatriciaAccount(
                number: i, address: Array(Keccak256.hash(preimage)[12...]), balance: PatriciaBackgroundBlock.balance)
        }
        let state = PatriciaState(accounts: accounts)
        var drawn = 0
        var built = 0
        for seed in UInt64(1)...4 {
            let block = PatriciaBackgroundBlock(workload: workload, seed: seed)
            #expect(block.touchedAccounts == k)
            drawn += block.block.witness.byteCount
            var stream = RandomStream(runSeed: seed, name: "test/patricia-background")
            var chosen = Set<Int>()
            while chosen.count < k { chosen.insert(stream.uniform(below: n)) }
            built += state.trie.multiproof(keys: chosen.sorted().map { accounts[$0].key }).byteCount
        }
        let ratio = Double(drawn) / Double(built)
        #expect(abs(ratio - 1) < 0.1, "drawn / built witness bytes = \(ratio) (\(drawn) / \(built))")
    }
}
