import Beacon
import Foundation
import Shard

/// `shardsim bench accumulators`: for each accumulator and each 2019 workload (``AccumulatorWorkload/standard(stateSizes:)``),
/// one block executed in wasm beside the native signature floor measured in the same run, its gas and witness
/// bytes, and the witness size theory expects.
///
/// Each block is built over a state of the workload's size of which only the active accounts are materialized
/// (``BackgroundStateBlock``, ``SparseBackgroundStateBlock``, ``PatriciaBackgroundBlock``), checked against the native reference (same root, same effects, every transfer
/// applied), then timed in thread CPU time (and the wasm also in wall time): `repeats` rounds, alternating the
/// wasm execution (a fresh instance per run, as the
/// simulator does) and the native floor (one `Secp256k1.recoverPublicKey` per transfer on the very pairs the EE
/// recovers); the medians are reported.
///
/// Accumulators measured: ``AccumulatorFamilies/all`` — the binary Merkle tree of the token EE (`token`), the
/// sparse Merkle tree of the sparse token EE (`sparse`) and the hexary Merkle Patricia trie of the Patricia token EE
/// (`patricia`); the report shows the hexary size estimate beside every row as a reference line.
package struct AccumulatorBenchmark: Sendable {
    /// The state sizes every workload is repeated at, beside its own.
    package var stateSizes: [Int] = [1 << 24, 1 << 28]
    /// Timed rounds per workload.
    package var repeats: Int = 5
    /// The seed of keys, positions and amounts.
    package var seed: UInt64 = 1
    /// The accumulators measured, by name (``AccumulatorFamily/name``); all of them by default.
    package var accumulators: [String] = AccumulatorFamilies.all.map(\.name)

    /// The default: every workload at its own size, 2²⁴ and 2²⁸ accounts.
    package init() {}

    /// Why the settings cannot run, or `nil`.
    package var problem: String? {
        if repeats < 1 { return "at least 1 timed round is needed, got \(repeats)" }
        let known = AccumulatorFamilies.all.map(\.name)
        if let unknown = accumulators.first(where: { !known.contains($0) }) {
            return "unknown accumulator \(unknown); known: \(known.joined(separator: ", "))"
        }
        if let bad = stateSizes.first(where: { $0 < 140 || $0 > 1 << TokenTree.maxDepth }) {
            return "state sizes must be 140 … 2^\(TokenTree.maxDepth) accounts (workload A touches 140), got \(bad)"
        }
        return nil
    }

    /// Measures every workload; `progress` receives a line before each.
    package func run(progress: (String) -> Void = { _ in }) throws(BlockBenchmarkError) -> AccumulatorReport {
        if let problem { throw .invalidSettings(problem) }
        let loadAverage =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(
                String.init)
            ?? "unknown"
        let runtime = EERuntime(limits: Self.limits)
        var rows: [AccumulatorReport.Row] = []
        for family in AccumulatorFamilies.all where accumulators.contains(family.name) {
            let module: EEModule
            do {
                module = try BuiltinEEs.load(family.eeName)
            } catch {
                throw .cannotLoadEE(error.description)
            }
            for workload in AccumulatorWorkload.standard(stateSizes: stateSizes) {
                progress("\(family.name): \(workload.label)")
                rows.append(try measure(family, module: module, workload: workload, runtime: runtime))
            }
        }
        return AccumulatorReport(
            benchmark: self, machine: BenchmarkFormatting.machine, loadAverage: loadAverage, rows: rows)
    }

    /// The runtime's limits for the benchmark's blocks: a 256-level sparse multiproof of 140 accounts needs more than
    /// a simulation's default 10 M gas per execution.
    package static let limits = EERuntime.Limits(gasLimit: 1_000_000_000, memoryLimitBytes: 64 << 20)

    /// Builds, checks and times the block of `workload` for `family`.
    private func measure(
        _ family: any AccumulatorFamily, module: EEModule, workload: AccumulatorWorkload, runtime: EERuntime
    ) throws(BlockBenchmarkError) -> AccumulatorReport.Row {
        let fixture = try family.block(for: workload, seed: seed)
        let result = runtime.execute(
            module, preStateRoot: fixture.preStateRoot, blockData: fixture.data, context: fixture.context)
        if let failure = result.failure {
            throw .eeFailed("the \(family.name) EE failed on \(workload.label): \(failure)")
        }
        guard result.postStateRoot == fixture.referenceRoot, result.effects == fixture.referenceEffects else {
            throw .mismatch("\(family.name) on \(workload.label)")
        }
        guard fixture.referenceResults.count == workload.transactions,
            fixture.referenceResults.allSatisfy({ $0 == .applied })
        else { throw .mismatch("not every transfer of \(workload.label) was applied (\(family.name))") }

        var wasm: [Double] = []
        var floor: [Double] = []
        var sink: UInt64 = 0
        var wasmWall: [Double] = []
        for _ in 0..<repeats {
            var start = ContinuousClock.now
            var cpuStart = Self.threadCPUSeconds()
            sink &+=
                runtime.execute(
                    module, preStateRoot: fixture.preStateRoot, blockData: fixture.data, context: fixture.context
                ).gasUsed
            wasm.append(Self.threadCPUSeconds() - cpuStart)
            wasmWall.append(Self.seconds(start.duration(to: .now)))
            start = ContinuousClock.now
            cpuStart = Self.threadCPUSeconds()
            for pair in fixture.signatures {
                sink &+= UInt64(
                    Secp256k1.recoverPublicKey(messageHash: pair.message, signature65: pair.signature)?[0] ?? 0)
            }
            floor.append(Self.threadCPUSeconds() - cpuStart)
        }
        withExtendedLifetime(sink) {}
        return AccumulatorReport.Row(
            accumulator: family.name, workload: workload, depth: fixture.depth,
            touchedAccounts: fixture.touchedAccounts, wasmSeconds: Self.median(wasm),
            wasmWallSeconds: Self.median(wasmWall), floorSeconds: Self.median(floor), gasUsed: result.gasUsed,
            blockBytes: fixture.data.count, witnessBytes: fixture.witnessBytes,
            expectedWitnessBytes: fixture.expectedWitnessBytes,
            hexaryEstimateBytes: Self.hexaryEstimate(touched: fixture.touchedAccounts, accounts: workload.stateAccounts)
        )
    }

    /// Vitalik's estimate of a hexary Patricia multiproof, `k · (512 · log₁₆(N / k) + 112)` bytes.
    package static func hexaryEstimate(touched k: Int, accounts n: Int) -> Double {
        Double(k) * (512 * log(Double(n) / Double(k)) / log(16) + 112)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// CPU time of the calling thread: unlike wall time it leaves out the time the thread waited for a core, so it
    /// stays meaningful on a machine busy with other work.
    private static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
