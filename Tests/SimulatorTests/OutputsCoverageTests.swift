import Foundation
import Scenarios
import Testing

@testable import Simulator

/// Every file, column, summary metric and outcome value a run writes is defined in `Documentation/Outputs.md`
/// (issue 12, item 6): checked on what real runs wrote, one per cross-shard model and with the fee market, the
/// network and several EEs, so a column or metric written outside the declarations cannot go undocumented.
@Suite struct OutputsCoverageTests {
    /// Tiny runs that between them write every file: fees (with expiry), each cross-shard model, a network, two EEs.
    static let variants: [(name: String, yaml: String)] = [
        (
            "fee market with expiry",
            """
            slots: 4
            beacon: {proposerOfflineRate: 25%}
            ees:
              - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
              - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 30 ETH, accountsPerShard: 3}
            workload: {transactionsPerSlot: 4, crossShardFraction: 100%, feeStrategy: uniform, maxFeePerGas: 5 gwei}
            fees: {ee: fees, initialBaseFee: 5 gwei, transactionTimeout: 20s}
            """
        ),
        (
            "optimistic with reverts",
            """
            slots: 5
            ees: [{name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}]
            workload: {transactionsPerSlot: 3, crossShardFraction: 100%}
            crossShard: {model: optimistic, finalityDelay: 2 slots, revertProbability: 50%}
            """
        ),
        (
            "two-phase with offline proposers",
            """
            slots: 5
            beacon: {proposerOfflineRate: 40%}
            ees: [{name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}]
            workload: {transactionsPerSlot: 3, crossShardFraction: 100%}
            crossShard: {model: two-phase}
            """
        ),
        (
            "finality-wait with a network",
            """
            slots: 4
            ees: [{name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}]
            workload: {transactionsPerSlot: 3, crossShardFraction: 100%}
            crossShard: {model: finality-wait, finalityDelay: 1 slot}
            network: {committeeSize: 8, gossipDegree: 3}
            """
        ),
        (
            "two EEs",
            """
            slots: 3
            ees:
              - {name: alpha, code: "builtin:token", genesisBalancePerShard: 1600 ETH, accountsPerShard: 16}
              - {name: beta, code: "builtin:token", genesisBalancePerShard: 1600 ETH, accountsPerShard: 16}
            workload: {ee: "alpha, beta", transactionsPerSlot: 4, crossShardFraction: 50%, crossEEFraction: 50%}
            """
        ),
    ]

    static let outputs = try! String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Documentation/Outputs.md"), encoding: .utf8)

    /// Whether `name` is defined in Outputs.md: it starts a table row as code.
    static func defines(_ name: String) -> Bool { outputs.contains("| `\(name)` |") }

    @Test("Every header, summary metric and outcome written is defined in Outputs.md", arguments: variants.indices)
    func documented(variant: Int) throws {
        let (name, yaml) = Self.variants[variant]
        let scenario = try Scenario.parse(yaml: "name: coverage\nshards: {count: 2}\n" + yaml)
        let folder = try SimulationFixtures.run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(files.count >= 5, "\(name): \(files)")
        for file in files.sorted() {
            #expect(Self.outputs.contains("## `\(file)`"), "\(name): \(file) is not documented")
            let header = try SimulationFixtures.read(folder, file).prefix { $0 != "\n" }.split(separator: ",")
            for column in header.map(String.init) where !Self.defines(column) {
                Issue.record("\(name): \(file) column \(column) is not defined in Outputs.md")
            }
        }
        let metrics = try SimulationFixtures.rows(folder, "summary.csv").compactMap { $0["metric"] }
        #expect(!metrics.isEmpty)
        for metric in metrics where !Self.defines(metric) {
            Issue.record("\(name): summary metric \(metric) is not defined in Outputs.md")
        }
        let outcomes = Set(try SimulationFixtures.rows(folder, "transfers.csv").compactMap { $0["outcome"] })
        #expect(!outcomes.isEmpty)
        for outcome in outcomes.sorted() where !Self.defines(outcome) {
            Issue.record("\(name): outcome \(outcome) is not defined in Outputs.md")
        }
    }

    @Test("The variants between them write every file and several outcomes, so the coverage check covers them")
    func variantsCoverTheFiles() throws {
        var files: Set<String> = []
        var outcomes: Set<String> = []
        for (_, yaml) in Self.variants {
            let scenario = try Scenario.parse(yaml: "name: coverage\nshards: {count: 2}\n" + yaml)
            let folder = try SimulationFixtures.run(scenario, threads: 2)
            defer { try? FileManager.default.removeItem(at: folder) }
            files.formUnion(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            outcomes.formUnion(try SimulationFixtures.rows(folder, "transfers.csv").compactMap { $0["outcome"] })
        }
        #expect(Set(OutputSchemas.all.map(\.file)).isSubset(of: files))
        #expect(Set(["delivered", "in_flight", "expired"]).isSubset(of: outcomes), "\(outcomes.sorted())")
        #expect(outcomes.contains { $0.hasPrefix("aborted_") || $0.hasPrefix("aborting_") }, "\(outcomes.sorted())")
    }
}
