import Beacon
import Foundation
import Shard

/// The result of a ``BlockBenchmark`` run: the block's sizes and gas, and the best and median time of each
/// measurement.
package struct BlockBenchmarkReport: Sendable {
    /// What was timed.
    package enum Measurement: CaseIterable, Sendable {
        /// The block executed by the EE in wasm, with a fresh instance.
        case wasmBlock
        /// One secp256k1 public-key recovery per transfer, natively.
        case nativeFloor
        /// ``TokenReference/apply(blockData:preStateRoot:context:)`` on the block data.
        case nativeReference
        /// The witness's pre- and post-state roots computed natively (the hashing part of the reference).
        case witnessRoots
        /// An empty block executed in wasm: instantiation, header, no witness.
        case wasmEmptyBlock
        /// Deriving each sender's key and signing each transfer, as the state provider does at inclusion.
        case signing
        /// Building the multiproof and encoding the block, as the state provider does.
        case witnessBuilding
    }

    /// The median and best of one measurement's rounds.
    package struct Timing: Sendable {
        /// What was timed.
        package let measurement: Measurement
        /// Each round's wall time, in seconds, in round order.
        package let seconds: [Double]
        /// Each round's CPU time of the measuring thread, in seconds, in round order.
        package let cpuSeconds: [Double]

        /// The fastest round's wall time, in seconds.
        package var best: Double { seconds.min() ?? .nan }

        /// The median round's wall time, in seconds.
        package var median: Double {
            let sorted = seconds.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        /// The smallest CPU time of a round, in seconds.
        package var bestCPU: Double { cpuSeconds.min() ?? .nan }
    }

    /// The 2019 figures for the same block (70 transfers over 5,000 accounts), in seconds.
    package static let publishedFirstPrototype = 5.0
    /// The turboproof token EE's time for the block, in seconds…
    package static let publishedTurboproof = 0.140
    /// …of which signature checks, in seconds.
    package static let publishedTurboproofSignatures = 0.105
    /// The ratio wasm / floor this EE aims to stay under.
    package static let aimRatio = 1.5

    /// The settings that produced the report.
    package let benchmark: BlockBenchmark
    /// The tree's depth.
    package let depth: Int
    /// Accounts the block touches: the witness's leaves (k).
    package let touchedAccounts: Int
    /// Size of the EE's wasm code.
    package let eeCodeBytes: Int
    /// SHA-256 of the EE's code (its identity).
    package let eeCodeHash: Root
    /// Gas the block's execution used.
    package let gasUsed: UInt64
    /// Gas an empty block's execution used.
    package let emptyBlockGasUsed: UInt64
    /// Bytes of block data.
    package let blockBytes: Int
    /// Bytes of the encoded transactions.
    package let transactionBytes: Int
    /// Bytes of the encoded witness.
    package let witnessBytes: Int
    /// Leaves in the witness.
    package let witnessLeaves: Int
    /// Proof hashes in the witness.
    package let witnessHashes: Int
    /// The state root before the block.
    package let preStateRoot: Root
    /// The post-state root the EE saved.
    package let eeRoot: Root
    /// The post-state root the native reference computed.
    package let referenceRoot: Root
    /// One timing per measurement, in ``Measurement`` order.
    package let timings: [Timing]
    /// The native reference timed, as the report names it.
    package var referenceName = "TokenReference.apply"
    /// For an EE whose witness is not the binary token's, the lines that describe its witness and the theory beside
    /// it, in place of the binary multiproof's breakdown and expectation.
    package var witnessLines: [String]? = nil

    /// The timing of `measurement`.
    package func timing(_ measurement: Measurement) -> Timing {
        guard let timing = timings.first(where: { $0.measurement == measurement }) else {
            preconditionFailure("every measurement is timed")
        }
        return timing
    }

    /// Best wasm block time over best floor time: the headline figure, because the fastest round of each is the one
    /// least disturbed by other processes, and both sides are disturbed only upwards.
    package var ratio: Double { timing(.wasmBlock).best / timing(.nativeFloor).best }
    /// Median wasm block time over median floor time.
    package var medianRatio: Double { timing(.wasmBlock).median / timing(.nativeFloor).median }
    /// Best wasm block CPU time over best floor CPU time.
    package var cpuRatio: Double { timing(.wasmBlock).bestCPU / timing(.nativeFloor).bestCPU }

    /// The folklore size of a binary multiproof's hashes, `k · 32 · log2(N / k)` bytes for k touched of N accounts.
    /// It is neither a bound nor an expectation (measured proofs come out at 0.8–0.95× of it): the report prints it
    /// only as the figure readers know, beside ``expectedWitnessBytes``.
    package var witnessRuleOfThumb: Double {
        let k = Double(touchedAccounts)
        let n = Double(benchmark.accounts)
        return k * 32 * log2(n / k)
    }

    /// The exact expected witness bytes for this many distinct uniformly random leaves of this tree
    /// (``MultiproofExpectation``; the derivation is in Documentation/TokenEE.md).
    package var expectedWitnessBytes: Double {
        MultiproofExpectation.expectedWitnessBytes(
            leaves: touchedAccounts, occupied: benchmark.accounts, depth: depth)
    }

    /// Gas charged for signature recovery: one `secp256k1_recover` call per transfer.
    package var recoveryGas: UInt64 {
        UInt64(benchmark.transactions) * (GasSchedule.call + GasSchedule.secp256k1Recover)
    }

    /// How the code under test was compiled: `release` or `debug`.
    package static var buildConfiguration: String { EngineBenchmarkReport.buildConfiguration }

    // MARK: - Text

    /// The report as aligned plain text.
    package var text: String {
        let b = benchmark
        let n = b.transactions
        let floorBest = timing(.nativeFloor).best
        func label(_ measurement: Measurement) -> String {
            switch measurement {
            case .wasmBlock: "wasm: block (\(b.eeName) EE, fresh instance)"
            case .nativeFloor: "native floor: \(n) × secp256k1 recovery"
            case .nativeReference: "native reference (\(referenceName))"
            case .witnessRoots: "  of which witness pre + post roots"
            case .wasmEmptyBlock: "wasm: empty block (fixed cost)"
            case .signing: "state provider: derive keys + sign \(n)"
            case .witnessBuilding: "state provider: multiproof + encode"
            }
        }
        let header = ["measurement", "best (ms)", "median (ms)", "best CPU (ms)", "best per tx (µs)", "best ÷ floor"]
        let body = timings.map { timing in
            [
                label(timing.measurement), Self.fixed(timing.best * 1e3, 3), Self.fixed(timing.median * 1e3, 3),
                Self.fixed(timing.bestCPU * 1e3, 3),
                Self.fixed(timing.best * 1e6 / Double(n), 1), Self.fixed(timing.best / floorBest, 2) + "×",
            ]
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "   ")
        }

        let wasm = timing(.wasmBlock)
        let overhead = wasm.best - floorBest
        let ruleOfThumb = witnessRuleOfThumb
        // The binary tree's expectation only where the binary witness lines are printed: another accumulator's
        // report brings its own lines (and a depth the binary formula does not take, e.g. the sparse tree's 256).
        let expected = witnessLines == nil ? expectedWitnessBytes : .nan
        let hashBytes = witnessHashes * 32
        let leafBytes = witnessLeaves * TokenWitness.leafByteCount
        let verdict = ratio <= Self.aimRatio ? "within" : "above"

        var lines = [
            "shardsim bench block: one stateless token block in wasm, beside its signatures done natively",
            "build: \(Self.buildConfiguration), \(BenchmarkFormatting.machine)",
            "EE: builtin:\(b.eeName), \(BenchmarkFormatting.grouped(eeCodeBytes)) bytes, sha256 \(eeCodeHash.hex.prefix(18))…",
            "block: \(n) signed transfers over \(BenchmarkFormatting.grouped(b.accounts)) accounts (tree depth \(depth)), "
                + "\(touchedAccounts) distinct accounts touched, seed \(b.seed)",
            "timing: wall time, best and median of \(b.repeats) rounds after one warm-up, and the thread's best CPU "
                + "time; all rows in the same process, order rotated each round",
            "",
            line(header),
        ]
        lines += body.map(line)
        lines += [
            "",
            "wasm / floor: \(Self.fixed(ratio, 2))× best to best "
                + "(aim ≤ \(Self.fixed(Self.aimRatio, 1))×: \(verdict)); "
                + "\(Self.fixed(medianRatio, 2))× median to median, \(Self.fixed(cpuRatio, 2))× in CPU time",
            "above the floor (best): \(Self.fixed(overhead * 1e3, 3)) ms per block, "
                + "\(Self.fixed(overhead * 1e6 / Double(n), 1)) µs per transfer",
            "published in 2019 for 70 transfers over 5,000 accounts: "
                + "\(Self.fixed(Self.publishedFirstPrototype, 0)) s (first prototype), "
                + "\(Self.fixed(Self.publishedTurboproof * 1e3, 0)) ms (turboproof token, "
                + "\(Self.fixed(Self.publishedTurboproofSignatures * 1e3, 0)) ms of it signatures); "
                + "here \(Self.fixed(wasm.best * 1e3, 2)) ms best, \(Self.fixed(wasm.median * 1e3, 2)) ms median",
            "",
            "gas used: \(BenchmarkFormatting.grouped(Int(gasUsed))) (\(BenchmarkFormatting.grouped(Int(gasUsed) / n)) per transfer; "
                + "\(n) × \(BenchmarkFormatting.grouped(Int(GasSchedule.call + GasSchedule.secp256k1Recover))) = "
                + "\(BenchmarkFormatting.grouped(Int(recoveryGas))) of it signature recovery); empty block: "
                + "\(BenchmarkFormatting.grouped(Int(emptyBlockGasUsed)))",
            "block: \(BenchmarkFormatting.grouped(blockBytes)) bytes = \(blockBytes - transactionBytes - witnessBytes) header + "
                + "\(BenchmarkFormatting.grouped(transactionBytes)) transactions + \(BenchmarkFormatting.grouped(witnessBytes)) witness",
            "post-state root: EE \(eeRoot.hex.prefix(18))… "
                + (eeRoot == referenceRoot ? "= reference" : "≠ reference \(referenceRoot.hex.prefix(18))…"),
        ]
        lines.insert(
            contentsOf: witnessLines ?? [
                "witness: \(BenchmarkFormatting.grouped(witnessBytes)) bytes = 8 counts + \(witnessLeaves) leaves × "
                    + "\(TokenWitness.leafByteCount) (\(BenchmarkFormatting.grouped(leafBytes))) + \(BenchmarkFormatting.grouped(witnessHashes)) hashes "
                    + "× 32 (\(BenchmarkFormatting.grouped(hashBytes)))",
                "expected witness for k = \(touchedAccounts) uniform leaves of N = "
                    + "\(BenchmarkFormatting.grouped(b.accounts)) (exact, MultiproofExpectation): "
                    + "\(BenchmarkFormatting.grouped(Int(expected.rounded()))) bytes; measured / expected = "
                    + "\(Self.fixed(Double(witnessBytes) / expected, 3))× (this block's accounts are one draw)",
                "rule of thumb k·32·log2(N/k) (neither a bound nor an expectation): "
                    + "\(BenchmarkFormatting.grouped(Int(ruleOfThumb.rounded()))) bytes; proof hashes alone / rule = "
                    + "\(Self.fixed(Double(hashBytes) / ruleOfThumb, 2))×",
            ], at: lines.count - 1)
        if Self.buildConfiguration == "debug" {
            lines += [
                "",
                "warning: debug build; WasmKit built in debug is 100×+ slower, so the wasm rows and the ratio mean "
                    + "nothing here. Use `swift build -c release`.",
            ]
        }
        return lines.joined(separator: "\n")
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
