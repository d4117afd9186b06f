import Beacon
import Foundation
import Scenarios
import Shard

/// A Scout test case as the runner needs it: resolved paths and decoded bytes.
package struct ScoutCase: Sendable {
    /// Where the case came from, for messages.
    package var source: String
    /// One EE per script: a wasm file or a built-in EE; the index is the EE id.
    package var scripts: [EECode]
    /// The pre-state root of each EE.
    package var preStateRoots: [Root]
    /// The blocks, run in order.
    package var blocks: [(ee: Int, data: [UInt8])]
    /// The expected post-state root of each EE.
    package var expectedPostStateRoots: [Root]
    /// The expected deposits, in push order, when the case lists them.
    package var expectedDeposits: [[UInt8]]?

    /// Creates a case.
    package init(
        source: String, scripts: [EECode], preStateRoots: [Root], blocks: [(ee: Int, data: [UInt8])],
        expectedPostStateRoots: [Root], expectedDeposits: [[UInt8]]?
    ) {
        self.source = source
        self.scripts = scripts
        self.preStateRoots = preStateRoots
        self.blocks = blocks
        self.expectedPostStateRoots = expectedPostStateRoots
        self.expectedDeposits = expectedDeposits
    }
}

/// What running a Scout case produced, block by block, and whether the post state matched.
package struct ScoutReport: Sendable {
    /// One executed block.
    package struct Block: Sendable {
        /// The block's position in the case.
        package var index: Int
        /// The EE it ran.
        package var ee: Int
        /// The EE's name (its file name).
        package var eeName: String
        /// The execution's result.
        package var result: ExecutionResult
        /// Wall-clock time of the execution, for the user's information only.
        package var wallSeconds: Double
    }

    /// A difference between the expected and the actual post state.
    package enum Mismatch: Sendable, Equatable, CustomStringConvertible {
        case root(ee: Int, expected: Root, actual: Root)
        case deposits(expected: [[UInt8]], actual: [[UInt8]])

        package var description: String {
            switch self {
            case .root(let ee, let expected, let actual):
                "EE \(ee) post-state root mismatch\n  expected \(expected.hex)\n  actual   \(actual.hex)"
            case .deposits(let expected, let actual):
                "deposit receipts mismatch: expected \(expected.count), got \(actual.count)\n"
                    + "  expected \(expected.map { HexCoding.encode($0) })\n"
                    + "  actual   \(actual.map { HexCoding.encode($0) })"
            }
        }
    }

    /// The executed blocks, in order.
    package var blocks: [Block]
    /// The post-state root of each EE after all blocks.
    package var postStateRoots: [Root]
    /// Deposits pushed by successful executions, in order.
    package var deposits: [[UInt8]]
    /// Every difference from the expected post state; empty when the case passes.
    package var mismatches: [Mismatch]

    /// Whether the post state matched.
    package var passed: Bool { mismatches.isEmpty }
}

/// Runs Scout test cases: each block executes its EE with that EE's current root; a failed execution leaves the
/// root as it was. Files written for Scout run unchanged.
package struct ScoutRunner: Sendable {
    private let runtime: EERuntime

    /// Scout's own limits: 4 × 10⁹ gas, because Scout meters nothing but `eth2_useTicks` and its heavy public
    /// cases (pairings, signature verification) need 10⁸ to 2 × 10⁹ of our gas; 16 MiB of memory; and 8 s of wall
    /// clock per execution, so an endless loop cheap in gas still ends.
    package static let defaultLimits = EERuntime.Limits(
        gasLimit: 4_000_000_000, memoryLimitBytes: 16 << 20, wallClockLimit: .seconds(8))

    /// Creates a runner whose executions are bounded by `limits`.
    package init(limits: EERuntime.Limits = defaultLimits) {
        self.runtime = EERuntime(limits: limits)
    }

    /// Loads the case's EEs and runs its blocks.
    ///
    /// - Throws: ``EELoadError`` when a script cannot be read or is not a usable EE. An EE's failure while running
    ///   is part of the report, never an error.
    package func run(_ testCase: ScoutCase) throws(EELoadError) -> ScoutReport {
        var modules: [EEModule] = []
        for script in testCase.scripts {
            switch script {
            case .builtin(let name): modules.append(try BuiltinEEs.load(name))
            case .file(let path): modules.append(try EEModule(contentsOf: URL(fileURLWithPath: path)))
            }
        }
        var roots = testCase.preStateRoots
        var blocks: [ScoutReport.Block] = []
        var deposits: [[UInt8]] = []
        let clock = ContinuousClock()
        for (index, block) in testCase.blocks.enumerated() {
            let started = clock.now
            let result = runtime.execute(modules[block.ee], preStateRoot: roots[block.ee], blockData: block.data)
            let elapsed = started.duration(to: clock.now)
            roots[block.ee] = result.postStateRoot
            deposits += result.deposits
            blocks.append(
                ScoutReport.Block(
                    index: index, ee: block.ee, eeName: modules[block.ee].name, result: result,
                    wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }
        var mismatches: [ScoutReport.Mismatch] = []
        for (ee, expected) in testCase.expectedPostStateRoots.enumerated() where roots[ee] != expected {
            mismatches.append(.root(ee: ee, expected: expected, actual: roots[ee]))
        }
        if let expectedDeposits = testCase.expectedDeposits, expectedDeposits != deposits {
            mismatches.append(.deposits(expected: expectedDeposits, actual: deposits))
        }
        return ScoutReport(blocks: blocks, postStateRoots: roots, deposits: deposits, mismatches: mismatches)
    }
}
