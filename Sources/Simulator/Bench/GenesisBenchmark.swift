import Beacon
import Dispatch
import Foundation
import Scenarios
import Shard

/// The cost of a run's genesis with background accounts (`shardsim bench genesis`): wall time to build the shared
/// background pattern and every shard's token state, and the process's peak memory, for `accounts` per shard of
/// which `active` are users; optionally beside the alternative of building every background leaf for real.
///
/// Genesis here is exactly a run's: ``Simulation`` is created from a scenario with these numbers (hashed placement),
/// so the figures are what `shardsim run` spends before its first slot.
package struct GenesisBenchmark: Sendable {
    /// Accounts per shard (`accountsPerShard`).
    package var accounts = 1 << 24
    /// Users per shard (`activeAccountsPerShard`).
    package var active = 300
    package var shards = 4
    package var seed: UInt64 = 1
    /// Also build, for comparison, a fully materialized tree of this many distinct background leaves (0: skip).
    package var materialize = 0

    package init() {}

    /// Why these settings cannot run, or `nil`.
    package var problem: String? {
        if !(1...RunLimits.maximumAccountsPerShard).contains(accounts) {
            return "--accounts must be 1 ... \(RunLimits.maximumAccountsPerShard), got \(accounts)"
        }
        if !(1...min(accounts, RunLimits.maximumActiveAccountsPerShard)).contains(active) {
            return "--active must be 1 ... \(min(accounts, RunLimits.maximumActiveAccountsPerShard)), got \(active)"
        }
        if !(1...1024).contains(shards) { return "--shards must be 1 ... 1024, got \(shards)" }
        if !(0...(1 << 24)).contains(materialize) { return "--materialize must be 0 ... 2^24, got \(materialize)" }
        return nil
    }

    /// Measures genesis and returns the report's text.
    package func run() throws(SimulationError) -> String {
        let scenario: Scenario
        do {
            scenario = try Scenario.parse(
                yaml: """
                    name: bench-genesis
                    slots: 1
                    shards: {count: \(shards)}
                    ees:
                      - name: token
                        code: "builtin:token"
                        accountsPerShard: \(accounts)
                        activeAccountsPerShard: \(active)
                    """)
        } catch {
            throw SimulationError(.scenario, error.description)
        }
        let settings = try SimulationSettings(scenario: scenario, seed: seed)
        let depth = TokenTree.depth(forAccountCount: accounts)
        let (patternSeconds, _) = Self.timed {
            TokenBackgroundPattern.shared(seed: seed, balance: settings.workloads[0].balancePerAccount)
        }
        let (genesisSeconds, simulation) = Self.timed { Simulation(settings: settings) }
        let rootHex = simulation.nodes[0].stateRoots[0].hex
        let stored = simulation.nodes.reduce(0) { $0 + $1.workloads[0].accounts.count }
        var lines = [
            "genesis: \(shards) shards × \(BenchmarkFormatting.grouped(accounts)) accounts (tree depth \(depth)), "
                + "\(BenchmarkFormatting.grouped(active)) active per shard, seed \(seed)",
            "  background pattern (2^\(TokenBackgroundPattern.defaultPeriodBits) leaves, built once, shared): "
                + String(format: "%.2f s", patternSeconds),
            "  every shard's state (keys of the active users, their paths): "
                + String(format: "%.2f s", genesisSeconds),
            "  total genesis: " + String(format: "%.2f s", patternSeconds + genesisSeconds),
            "  stored accounts: \(BenchmarkFormatting.grouped(stored)) (of \(BenchmarkFormatting.grouped(accounts * shards)))",
            "  shard 0 root: \(rootHex)",
        ]
        if materialize > 0 {
            let balance = settings.workloads[0].balancePerAccount
            let (seconds, tree) = Self.timed {
                TokenTree(
                    depth: TokenTree.depth(forAccountCount: materialize),
                    accounts: (0..<materialize).map {
                        TokenBackgroundPattern.account(seed: seed, balance: balance, patternIndex: UInt32($0))
                    })
            }
            let perAccount = seconds / Double(materialize)
            lines.append(
                "  alternative, every background leaf distinct and built: \(BenchmarkFormatting.grouped(materialize)) "
                    + String(format: "in %.2f s (%.2f µs per account", seconds, perAccount * 1e6)
                    + String(format: "; %.0f s for 2^28 at that rate)", perAccount * Double(1 << 28))
                    + " root \(tree.root.hex.prefix(10))…")
        }
        lines.append("  max RSS so far: \(Self.maxResidentMegabytes()) MB (getrusage; the process, not only genesis)")
        return lines.joined(separator: "\n")
    }

    private static func timed<T>(_ body: () -> T) -> (Double, T) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, value)
    }

    /// The process's peak resident set size, in MB (Linux reports kilobytes, macOS bytes).
    private static func maxResidentMegabytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return usage.ru_maxrss / 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return usage.ru_maxrss / (1024 * 1024)
        #endif
    }
}
