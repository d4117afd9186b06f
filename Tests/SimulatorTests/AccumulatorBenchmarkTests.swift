import Shard
import Testing

@testable import Simulator

/// `shardsim bench accumulators` measures real blocks: the EE agrees with the native reference on every workload
/// (the benchmark throws otherwise), and its witnesses sit near the exact expectation.
@Suite struct AccumulatorBenchmarkTests {
    @Test func everyWorkloadRunsAndMatchesTheory() throws {
        var benchmark = AccumulatorBenchmark()
        benchmark.stateSizes = [1_024]
        benchmark.repeats = 1
        benchmark.accumulators = ["binary", "hexary"]
        let report = try benchmark.run()
        // A, B and C at their own sizes and at 1,024 accounts, for the binary tree and the hexary trie.
        #expect(report.rows.filter { $0.accumulator == "binary" }.count == 6)
        #expect(report.rows.filter { $0.accumulator == "hexary" }.count == 6)
        for row in report.rows where row.accumulator == "hexary" {
            // No exact expectation; Vitalik's estimate is a reference line, which a real trie stays near.
            #expect(row.expectedWitnessBytes.isNaN)
            let ratio = Double(row.witnessBytes) / row.hexaryEstimateBytes
            #expect(ratio > 0.5 && ratio < 2, "\(row.workload.label): hexary witness / estimate = \(ratio)")
            #expect(row.touchedAccounts == row.workload.activeAccounts)
            #expect(row.gasUsed > 0 && row.wasmSeconds > 0 && row.floorSeconds > 0)
        }
        for row in report.rows where row.accumulator == "binary" {
            let ratio = Double(row.witnessBytes) / row.expectedWitnessBytes
            #expect(abs(ratio - 1) < 0.1, "\(row.workload.label): measured / expected = \(ratio)")
            #expect(row.touchedAccounts == row.workload.activeAccounts)
            #expect(row.gasUsed > 0 && row.wasmSeconds > 0 && row.floorSeconds > 0)
        }
        // All 50 accounts of 50 touched: nothing to prove but the leaves.
        let sheth = try #require(
            report.rows.first {
                $0.accumulator == "binary" && $0.workload.family == "C" && $0.workload.stateAccounts == 50
            })
        // Depth 6, leaves 0–49: the unpaired nodes over leaves 48–49, 48–51 and 48–55 each need their (empty)
        // sibling; every other node pairs up.
        #expect(sheth.witnessBytes == 8 + 40 * 50 + 32 * 3)
        #expect(report.markdown.contains("published 2019") && report.markdown.contains("sheth (sparse, SSZ) 517 kB"))
        #expect(report.html.hasPrefix("<!doctype html>"))
    }

    /// The sparse rows' blocks (built over a background of random keys) prove their root, agree with the native
    /// reference in wasm, and carry witnesses near the exact expectation; all in debug, so one block runs in wasm.
    @Test func sparseBlocksMatchTheoryAndTheEE() throws {
        let family = SparseAccumulator()
        var ratios: [Double] = []
        for workload in AccumulatorWorkload.standard(stateSizes: [1 << 24, 1 << 28]) {
            let block = try family.block(for: workload, seed: 3)
            #expect(block.touchedAccounts == workload.activeAccounts)
            #expect(block.referenceResults.count == workload.transactions)
            #expect(block.referenceResults.allSatisfy { $0 == .applied })
            #expect(block.depth == 256)
            ratios.append(Double(block.witnessBytes) / block.expectedWitnessBytes)
            if workload.stateAccounts == workload.activeAccounts {
                // Every live account is touched: no hash to send, only the leaves and one bit per sibling.
                let witness = try SparseBlock(decoding: block.data).witness
                #expect(witness.hashes.isEmpty)
                #expect(block.witnessBytes == 8 + 40 * 50 + (witness.emptySiblings.count + 7) / 8)
                let module = try BuiltinEEs.load(family.eeName)
                let result = EERuntime(limits: AccumulatorBenchmark.limits).execute(
                    module, preStateRoot: block.preStateRoot, blockData: block.data, context: block.context)
                #expect(result.succeeded && result.postStateRoot == block.referenceRoot)
                #expect(result.effects == block.referenceEffects)
            }
        }
        for ratio in ratios { #expect(abs(ratio - 1) < 0.1, "measured / expected = \(ratio)") }
    }

    @Test func badSettingsAreRefused() {
        var benchmark = AccumulatorBenchmark()
        benchmark.stateSizes = [100]
        #expect(benchmark.problem != nil)
        benchmark.stateSizes = [1 << 20]
        benchmark.repeats = 0
        #expect(benchmark.problem != nil)
        benchmark.repeats = 1
        benchmark.accumulators = ["hexagonal"]
        #expect(benchmark.problem?.contains("unknown accumulator hexagonal; known: binary") == true)
    }
}
