import Beacon
import Shard

/// One accumulator `shardsim bench accumulators` measures: which shipped EE runs it, and how a workload's block is
/// built over a state of the workload's size of which only the touched accounts are materialized.
///
/// Each family lives in its own file; ``AccumulatorFamilies/all`` lists them in report order.
protocol AccumulatorFamily: Sendable {
    /// The accumulator's name in the report (`binary`, `sparse`, …).
    var name: String { get }
    /// The shipped EE that verifies its blocks (``BuiltinEEs``).
    var eeName: String { get }
    /// The block of `workload` with keys, positions and amounts drawn from `seed`, already checked against the
    /// family's native reference.
    func block(for workload: AccumulatorWorkload, seed: UInt64) throws(BlockBenchmarkError) -> AccumulatorBlock
}

/// A block ready to time: its data and context, what the native reference says of it, its witness size beside the
/// family's theory, and the signatures the native floor recovers.
struct AccumulatorBlock {
    /// What the report shows as the tree's depth (levels from a leaf to the root).
    var depth: Int
    var data: [UInt8]
    var preStateRoot: Root
    var context: ShardContext
    /// The native reference's post-state root, effects and per-transaction results.
    var referenceRoot: Root
    var referenceEffects: ShardEffects
    var referenceResults: [TokenResultCode]
    var touchedAccounts: Int
    var witnessBytes: Int
    /// The family's expected witness bytes for this many touched accounts of the workload's state.
    var expectedWitnessBytes: Double
    /// The message hash and signature of every transfer, in block order: exactly what the EE recovers.
    var signatures: [(message: [UInt8], signature: [UInt8])]
}

/// The accumulators the benchmark measures, in report order.
enum AccumulatorFamilies {
    static let all: [any AccumulatorFamily] = [BinaryAccumulator(), SparseAccumulator(), HexaryAccumulator()]
}

/// The token EE's binary Merkle tree (``BackgroundStateBlock``), expected size from ``MultiproofExpectation``.
struct BinaryAccumulator: AccumulatorFamily {
    var name: String { "binary" }
    var eeName: String { "token" }

    func block(for workload: AccumulatorWorkload, seed: UInt64) throws(BlockBenchmarkError) -> AccumulatorBlock {
        let fixture = try BackgroundStateBlock(workload: workload, seed: seed)
        let reference = TokenReference.apply(
            block: fixture.block, preStateRoot: fixture.preStateRoot, context: fixture.context)
        let k = fixture.block.witness.leaves.count
        return AccumulatorBlock(
            depth: fixture.depth, data: fixture.data, preStateRoot: fixture.preStateRoot, context: fixture.context,
            referenceRoot: reference.postStateRoot, referenceEffects: reference.effects,
            referenceResults: reference.results, touchedAccounts: k, witnessBytes: fixture.block.witness.byteCount,
            expectedWitnessBytes: MultiproofExpectation.expectedWitnessBytes(
                leaves: k, occupied: workload.stateAccounts, depth: fixture.depth),
            signatures: fixture.signatures)
    }
}
