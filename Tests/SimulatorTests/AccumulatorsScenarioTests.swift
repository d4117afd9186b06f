import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// The shipped `scenarios/accumulators.yaml`, cut to three slots: the token EEs that differ only in their accumulator
/// live side by side, every block of each is executed in wasm and checked against its native reference (the run
/// stops on any disagreement), ETH moves between them by receipts, and `state.sqlite` rebuilds every root.
@Suite struct AccumulatorsScenarioTests {
    @Test(
        "accumulators.yaml runs the binary, sparse and Patricia token EEs side by side, receipts crossing between them")
    func shippedScenario() throws {
        let url = SimulationFixtures.packageRoot.appendingPathComponent("scenarios/accumulators.yaml")
        var scenario = try Scenario.load(contentsOf: url)
        scenario.runLength = .slots(3)
        let settings = try SimulationSettings(scenario: scenario, seed: 1, threads: 2)
        let kinds = settings.workloads.map { String(describing: type(of: $0.ee)) }
        #expect(kinds.contains("TokenEE") && kinds.contains("SparseEE") && kinds.contains("PatriciaEE"))
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Simulation(settings: settings, output: RunOutput(folder: folder)).run()

        let summary = try SimulationFixtures.rows(folder, "summary.csv")
        #expect(summary.first { $0["metric"] == "eth_conserved" }?["value"] == "1")
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(rows.count == 3 * settings.shardCount * settings.workloads.count)
        for workload in settings.workloads {
            let mine = rows.filter { $0["ee"] == workload.name }
            #expect(mine.contains { Int($0["applied"] ?? "") ?? 0 > 0 }, "\(workload.name) applied nothing")
            #expect(mine.allSatisfy { $0["rejected_block_failed"] == "0" }, "\(workload.name) had a failed block")
            #expect(Set(mine.map { $0["state_root"] }).count > settings.shardCount, "\(workload.name) roots still")
        }
        // Receipts between the EEs were claimed, in both directions.
        let delivered = try SimulationFixtures.rows(folder, "transfers.csv").filter { $0["outcome"] == "delivered" }
        for (source, destination) in [
            ("token", "sparse"), ("sparse", "token"), ("token", "patricia"), ("patricia", "token"),
        ] {
            #expect(
                delivered.contains { $0["source_ee"] == source && $0["destination_ee"] == destination },
                "\(source) → \(destination)")
        }
        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        for row in rows where (row["ee"] == "sparse" || row["ee"] == "patricia") && row["slot"] == "2" {
            let slot = try #require(row["slot"].flatMap { UInt64($0) })
            let shard = try #require(row["shard"].flatMap { UInt16($0) })
            let workload = try #require(settings.workloads.first { $0.name == row["ee"] })
            let accounts = try database.accounts(shard: ShardID(shard), ee: workload.id, throughSlot: Slot(slot))
            let rebuilt = LiveWorkload.rebuilt(workload.ee, id: workload.id, accounts: accounts)
            #expect(rebuilt.root.hex == row["state_root"], "slot \(slot), shard \(shard), \(workload.name)")
        }
    }
}
