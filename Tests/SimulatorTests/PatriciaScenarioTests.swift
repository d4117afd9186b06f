import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// The Patricia token EE lives in a simulation beside the binary token EE: the run executes every block of both in
/// wasm and stops on any disagreement with the native reference, so a finished run is agreement on every block —
/// transfers, cross-shard sends, cross-EE receipts, faults. ETH is conserved every slot, `state.sqlite` rebuilds
/// the trie's root for every slot, and a run stopped and resumed from a checkpoint ends as an uninterrupted one.
@Suite struct PatriciaScenarioTests {
    static func scenario(slots: Int = 6) throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: patricia
                slots: \(slots)
                shards: {count: 3}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 24}
                  - {name: patricia, code: "builtin:patricia", genesisBalancePerShard: 2400 ETH, accountsPerShard: 40}
                workload:
                  ee: "token, patricia*2"
                  transactionsPerSlot: 8
                  crossShardFraction: 40%
                  crossEEFraction: 40%
                  faults: {badSignature: 5%, replayedNonce: 5%, overdraft: 5%, replayedReceipt: 10%}
                """)
    }

    @Test("wasm and reference agree on every block; receipts move ETH both ways; conservation and state.sqlite hold")
    func agreesOnEveryBlock() throws {
        let scenario = try Self.scenario()
        let settings = try SimulationSettings(scenario: scenario, seed: 1, threads: 2)
        #expect(Set(settings.workloads.map { String(describing: type(of: $0.ee)) }) == ["TokenEE", "PatriciaEE"])
        let folder = try SimulationFixtures.run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }

        let summary = try SimulationFixtures.rows(folder, "summary.csv")
        #expect(summary.first { $0["metric"] == "eth_conserved" }?["value"] == "1")

        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        let patricia = rows.filter { $0["ee"] == "patricia" }
        #expect(patricia.count == 6 * 3)
        for shard in 0..<3 {
            let roots = Set(patricia.filter { $0["shard"] == "\(shard)" }.map { $0["state_root"] })
            #expect(roots.count > 1, "shard \(shard): the trie's root never changed")
        }
        #expect(patricia.contains { Int($0["witness_bytes"] ?? "") ?? 0 > 0 })

        let delivered = try SimulationFixtures.rows(folder, "transfers.csv").filter { $0["outcome"] == "delivered" }
        for (source, destination) in [("token", "patricia"), ("patricia", "token"), ("patricia", "patricia")] {
            let between = delivered.filter { $0["source_ee"] == source && $0["destination_ee"] == destination }
            #expect(!between.isEmpty, "\(source) → \(destination)")
        }
        #expect(delivered.contains { $0["source_ee"] == "patricia" && $0["source_shard"] != $0["destination_shard"] })

        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        for row in patricia {
            let slot = try #require(row["slot"].flatMap { UInt64($0) })
            let shard = try #require(row["shard"].flatMap { UInt16($0) })
            let workload = try #require(settings.workloads.first { $0.name == "patricia" })
            let accounts = try database.accounts(shard: ShardID(shard), ee: workload.id, throughSlot: Slot(slot))
            let rebuilt = LiveWorkload.rebuilt(workload.ee, id: workload.id, accounts: accounts)
            #expect(rebuilt.root.hex == row["state_root"], "slot \(slot), shard \(shard)")
        }
    }

    @Test("stopping at a checkpoint and resuming gives the uninterrupted run's files")
    func resumes() throws {
        let scenario = try Self.scenario(slots: 5)
        let reference = try SimulationFixtures.run(scenario, threads: 1)
        defer { try? FileManager.default.removeItem(at: reference) }
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try SimulationFixtures.runStopped(scenario, into: folder, after: 2) == .interrupted(after: Slot(2)))
        #expect(try SimulationFixtures.resume(scenario, folder: folder) == .finished)
        for file in ["slots.csv", "transfers.csv", "summary.csv"] {
            #expect(try SimulationFixtures.read(folder, file) == SimulationFixtures.read(reference, file), "\(file)")
        }
    }
}
