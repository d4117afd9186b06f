import Beacon
import Foundation
import Shard

/// The hexary rows of `shardsim bench accumulators`: each workload's block for the Patricia token EE over a trie of
/// the workload's size (``PatriciaBackgroundBlock``), checked against ``PatriciaReference`` (same root, same
/// effects, every transfer applied), then timed like the binary rows: `repeats` rounds alternating the wasm
/// execution and the native signature floor, medians reported. Beside the measured witness stands Vitalik's estimate
/// `k · (512 · log₁₆(N / k) + 112)` bytes; there is no exact expectation for the trie here.
enum PatriciaAccumulatorRow {
    static func measure(
        _ workload: AccumulatorWorkload, seed: UInt64, repeats: Int, runtime: EERuntime, module: EEModule
    ) throws(BlockBenchmarkError) -> AccumulatorReport.Row {
        let fixture = PatriciaBackgroundBlock(workload: workload, seed: seed)
        let result = runtime.execute(
            module, preStateRoot: fixture.preStateRoot, blockData: fixture.data, context: fixture.context)
        let reference = PatriciaReference.apply(
            blockData: fixture.data, preStateRoot: fixture.preStateRoot, context: fixture.context)
        if let failure = result.failure { throw .eeFailed("the patricia EE failed on \(workload.label): \(failure)") }
        guard result.postStateRoot == reference.postStateRoot, result.effects == reference.effects else {
            throw .mismatch("hexary, on \(workload.label)")
        }
        guard reference.results.count == workload.transactions, reference.results.allSatisfy({ $0 == .applied })
        else { throw .mismatch("not every transfer of \(workload.label) was applied by the patricia EE") }

        var wasm: [Double] = []
        var wasmWall: [Double] = []
        var floor: [Double] = []
        var sink: UInt64 = 0
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            var cpuStart = BlockBenchmark.threadCPUSeconds()
            sink &+=
                runtime.execute(
                    module, preStateRoot: fixture.preStateRoot, blockData: fixture.data, context: fixture.context
                ).gasUsed
            wasm.append(BlockBenchmark.threadCPUSeconds() - cpuStart)
            wasmWall.append(BlockBenchmark.seconds(start.duration(to: .now)))
            cpuStart = BlockBenchmark.threadCPUSeconds()
            for pair in fixture.signatures {
                sink &+= UInt64(
                    Secp256k1.recoverPublicKey(messageHash: pair.message, signature65: pair.signature)?[0] ?? 0)
            }
            floor.append(BlockBenchmark.threadCPUSeconds() - cpuStart)
        }
        withExtendedLifetime(sink) {}
        let proof = try? PatriciaProof.read(fixture.data, at: fixture.data.count - fixture.block.witness.byteCount)
        let shape = proof.map { PatriciaWitnessShape(fixture.block.witness, proof: $0) }
        let k = fixture.touchedAccounts
        return AccumulatorReport.Row(
            accumulator: "hexary", workload: workload, depth: shape?.deepestLeaf ?? 0, touchedAccounts: k,
            wasmSeconds: median(wasm), wasmWallSeconds: median(wasmWall), floorSeconds: median(floor),
            gasUsed: result.gasUsed, blockBytes: fixture.data.count, witnessBytes: fixture.block.witness.byteCount,
            expectedWitnessBytes: .nan,
            hexaryEstimateBytes: AccumulatorBenchmark.hexaryEstimate(touched: k, accounts: workload.stateAccounts))
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
