import Beacon
import Shard
import Testing

@testable import Simulator

/// The block benchmark measures what it says: the EE's root is the reference's, the sizes add up to the block, and
/// every timing is positive. Tiny (3 transfers over 16 accounts) because WasmKit is slow in debug.
@Suite struct BlockBenchmarkTests {
    static func tiny() -> BlockBenchmark {
        var benchmark = BlockBenchmark()
        benchmark.transactions = 3
        benchmark.accounts = 16
        benchmark.repeats = 2
        benchmark.seed = 7
        return benchmark
    }

    @Test func aTinyBlockGivesConsistentNumbers() throws {
        var progressLines = 0
        let report = try Self.tiny().run { _ in progressLines += 1 }
        #expect(progressLines == 5, "build, check, warm-up and 2 rounds")

        // The EE and the reference agree, and the block changed the state.
        #expect(report.eeRoot == report.referenceRoot)
        #expect(report.eeRoot != report.preStateRoot)

        // Sizes: 6 distinct accounts, and the witness is the block's, byte for byte.
        #expect(report.touchedAccounts == 6)
        #expect(report.transactionBytes == 3 * 90)
        #expect(report.blockBytes == TokenBlock.headerByteCount + report.transactionBytes + report.witnessBytes)
        #expect(report.witnessBytes == 8 + 6 * TokenWitness.leafByteCount + 32 * report.witnessHashes)
        let fixture = BlockBenchmarkFixture(transactions: 3, accounts: 16, seed: 7)
        #expect(fixture.data.count == report.blockBytes)
        let decoded = try TokenBlock(decoding: fixture.data)
        #expect(decoded.witness.encoded.count == report.witnessBytes)
        #expect(decoded.witness.hashes.count == report.witnessHashes)
        #expect(Array(fixture.data.suffix(report.witnessBytes)) == decoded.witness.encoded)

        // Gas covers the three recoveries; every row was timed each round; the ratio is a real number.
        #expect(report.gasUsed > report.recoveryGas && report.recoveryGas == 3 * 3_002)
        #expect(report.timings.count == BlockBenchmarkReport.Measurement.allCases.count)
        #expect(report.timings.allSatisfy { $0.seconds.count == 2 && $0.cpuSeconds.count == 2 })
        #expect(report.timings.allSatisfy { $0.best > 0 && $0.median >= $0.best && $0.bestCPU >= 0 })
        #expect(report.ratio > 0 && report.ratio.isFinite && report.medianRatio > 0)
        // k = 6 of N = 16: the rule of thumb 6 · 32 · log2(16/6) ≈ 271.7 bytes, printed as such (never a "bound"),
        // beside the exact expectation for 6 uniform leaves.
        #expect(abs(report.witnessRuleOfThumb - 271.69) < 0.01)
        let expected = MultiproofExpectation.expectedWitnessBytes(leaves: 6, occupied: 16, depth: report.depth)
        #expect(report.expectedWitnessBytes == expected)
        #expect(!report.text.contains("binary bound") && !report.text.contains("/ bound"))
        #expect(report.text.contains("neither a bound nor an expectation"))

        let text = report.text
        #expect(text.contains("build: \(BlockBenchmarkReport.buildConfiguration)"))
        #expect(text.contains("= reference"))
        let table = text.split(separator: "\n").drop { !$0.hasPrefix("measurement") }.prefix(1 + report.timings.count)
        #expect(Set(table.map(\.count)).count == 1, "table rows differ in width:\n\(table.joined(separator: "\n"))")
    }

    @Test func badSettingsAreRefusedBeforeAnyWork() {
        var benchmark = Self.tiny()
        benchmark.accounts = 5
        #expect(benchmark.problem != nil)
        #expect(throws: BlockBenchmarkError.self) { try benchmark.run() }
        benchmark = Self.tiny()
        benchmark.repeats = 0
        #expect(benchmark.problem != nil)
        benchmark = BlockBenchmark()
        benchmark.eeName = "ledger"
        #expect(benchmark.problem?.contains("token or sparse or patricia") == true)
    }

    /// `--ee sparse`: the same tiny block for the sparse token EE; its EE agrees with its reference and the witness is
    /// the compressed multiproof's documented size.
    @Test func aTinySparseBlockGivesConsistentNumbers() throws {
        var benchmark = Self.tiny()
        benchmark.eeName = "sparse"
        let report = try benchmark.run()
        #expect(report.eeRoot == report.referenceRoot)
        #expect(report.eeRoot != report.preStateRoot)
        #expect(report.touchedAccounts == 6)
        #expect(report.blockBytes == SparseBlock.headerByteCount + report.transactionBytes + report.witnessBytes)
        #expect(report.timings.count == BlockBenchmarkReport.Measurement.allCases.count)
        #expect(report.timings.allSatisfy { $0.seconds.count == 2 && $0.best > 0 })
        #expect(report.text.contains("SparseReference.apply"))
        #expect(report.text.contains("exact expectation for 6 of 16 random keys"))
    }
}
