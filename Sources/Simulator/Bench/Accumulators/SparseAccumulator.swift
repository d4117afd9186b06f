import Beacon
import Shard

/// The sparse token EE's 256-level sparse Merkle tree (``SparseBackgroundStateBlock``), expected size from
/// ``SparseMultiproofExpectation``.
struct SparseAccumulator: AccumulatorFamily {
    var name: String { "sparse" }
    var eeName: String { "sparse" }

    func block(for workload: AccumulatorWorkload, seed: UInt64) throws(BlockBenchmarkError) -> AccumulatorBlock {
        let fixture = try SparseBackgroundStateBlock(workload: workload, seed: seed)
        let reference = SparseReference.apply(
            block: fixture.block, preStateRoot: fixture.preStateRoot, context: fixture.context)
        let k = fixture.block.witness.leaves.count
        return AccumulatorBlock(
            depth: SparseNodes.height, data: fixture.data, preStateRoot: fixture.preStateRoot,
            context: fixture.context, referenceRoot: reference.postStateRoot, referenceEffects: reference.effects,
            referenceResults: reference.results, touchedAccounts: k, witnessBytes: fixture.block.witness.byteCount,
            expectedWitnessBytes: SparseMultiproofExpectation.expectedWitnessBytes(
                leaves: k, live: workload.stateAccounts),
            signatures: fixture.signatures)
    }
}
