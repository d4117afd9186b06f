import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// The shipped `scenarios/multi-ee.yaml`: the token EE and the ledger EE live on 8 shards, ETH moves between them
/// within and across shards, every EE's roots change, ETH is conserved every slot, and `state.sqlite` rebuilds
/// every EE's root for every slot through each EE's account view.
@Suite struct MultiEEScenarioTests {
    @Test("multi-ee.yaml runs as shipped and meets every promise of its description")
    func shippedScenario() throws {
        let url = SimulationFixtures.packageRoot.appendingPathComponent("scenarios/multi-ee.yaml")
        let scenario = try Scenario.load(contentsOf: url)
        let settings = try SimulationSettings(scenario: scenario, seed: 1, threads: 2)
        #expect(settings.shardCount == 8)
        #expect(Set(settings.workloads.map { String(describing: type(of: $0.ee)) }) == ["TokenEE", "LedgerEE"])
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Simulation(settings: settings, output: RunOutput(folder: folder)).run()

        // Conservation was checked after every slot (a violation stops the run); the manifest says so.
        let summary = try SimulationFixtures.rows(folder, "summary.csv")
        #expect(summary.first { $0["metric"] == "eth_conserved" }?["value"] == "1")

        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(rows.count == 20 * 8 * 2)
        for shard in 0..<8 {
            for ee in ["token", "ledger"] {
                let roots = Set(rows.filter { $0["shard"] == "\(shard)" && $0["ee"] == ee }.map { $0["state_root"] })
                #expect(roots.count > 1, "shard \(shard), \(ee): the root never changed")
            }
        }

        let delivered = try SimulationFixtures.rows(folder, "transfers.csv").filter { $0["outcome"] == "delivered" }
        for (source, destination) in [("token", "ledger"), ("ledger", "token")] {
            let between = delivered.filter { $0["source_ee"] == source && $0["destination_ee"] == destination }
            #expect(between.contains { $0["source_shard"] == $0["destination_shard"] }, "\(source) → \(destination)")
            #expect(between.contains { $0["source_shard"] != $0["destination_shard"] }, "\(source) → \(destination)")
        }

        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        for row in rows {
            let slot = try #require(row["slot"].flatMap { UInt64($0) })
            let shard = try #require(row["shard"].flatMap { UInt16($0) })
            let workload = try #require(settings.workloads.first { $0.name == row["ee"] })
            let accounts = try database.accounts(shard: ShardID(shard), ee: workload.id, throughSlot: Slot(slot))
            let rebuilt = LiveWorkload.rebuilt(workload.ee, id: workload.id, accounts: accounts)
            #expect(rebuilt.root.hex == row["state_root"], "slot \(slot), shard \(shard), \(workload.name)")
        }
    }
}
