import Beacon
import Shard

/// The Patricia token EE's hexary Merkle Patricia trie (``PatriciaBackgroundBlock``). There is no exact expectation
/// of its witness size here (the column shows —); Vitalik's estimate `k · (512 · log₁₆(N / k) + 112)` bytes stands
/// beside every row. The depth shown is the deepest touched leaf, in nodes below the root.
struct HexaryAccumulator: AccumulatorFamily {
    var name: String { "hexary" }
    var eeName: String { "patricia" }

    func block(for workload: AccumulatorWorkload, seed: UInt64) throws(BlockBenchmarkError) -> AccumulatorBlock {
        let fixture = PatriciaBackgroundBlock(workload: workload, seed: seed)
        let reference = PatriciaReference.apply(
            blockData: fixture.data, preStateRoot: fixture.preStateRoot, context: fixture.context)
        guard
            let proof = try? PatriciaProof.read(fixture.data, at: fixture.data.count - fixture.block.witness.byteCount)
        else { throw .mismatch("the hexary witness of \(workload.label) does not read back") }
        return AccumulatorBlock(
            depth: PatriciaWitnessShape(fixture.block.witness, proof: proof).deepestLeaf, data: fixture.data,
            preStateRoot: fixture.preStateRoot, context: fixture.context, referenceRoot: reference.postStateRoot,
            referenceEffects: reference.effects, referenceResults: reference.results,
            touchedAccounts: fixture.touchedAccounts, witnessBytes: fixture.block.witness.byteCount,
            expectedWitnessBytes: .nan, signatures: fixture.signatures)
    }
}
