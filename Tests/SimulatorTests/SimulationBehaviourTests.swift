import Beacon
import Foundation
import Shard
import Testing

@testable import Simulator

/// What a run produces matches the protocol model: one row per shard per slot, one-slot delivery, ETH conserved.
@Suite struct SimulationBehaviourTests {
    @Test("Every shard has a row in every slot, and missed slots execute nothing")
    func rowsPerShardPerSlot() throws {
        let folder = try SimulationFixtures.run(
            try SimulationFixtures.scenario(shards: 3, slots: 4, offline: "30%"), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(rows.count == 12)
        #expect(rows.map { "\($0["slot"]!)/\($0["shard"]!)" } == (0..<4).flatMap { s in (0..<3).map { "\(s)/\($0)" } })
        for row in rows where row["missed"] == "1" {
            #expect(row["transactions"] == "0" && row["gas_used"] == "0" && row["proposer"] == "")
        }
        #expect(rows.contains { $0["missed"] == "1" })
    }

    @Test("Without congestion, every delivered cross-shard transfer takes exactly one slot")
    func oneSlotLatency() throws {
        let folder = try SimulationFixtures.run(
            try SimulationFixtures.scenario(shards: 2, slots: 5, crossShard: "100%"), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        let delivered = transfers.filter { $0["outcome"] == "delivered" }
        #expect(!delivered.isEmpty)
        #expect(delivered.allSatisfy { $0["latency_inclusion_to_delivery_slots"] == "1" })
        // Transfers sent in the last slot are still in flight when the run ends.
        #expect(transfers.filter { $0["outcome"] == "in_flight" }.allSatisfy { $0["included_slot"] == "4" })
    }

    @Test("A block that runs out of gas fails on its own: the run goes on, the root stays, the failure is counted")
    func outOfGasBlocks() throws {
        let scenario = try SimulationFixtures.scenario(
            shards: 2, slots: 3, transactionsPerSlot: 6, extra: "execution: {gasLimitPerExecution: 20000 gas}")
        let folder = try SimulationFixtures.run(scenario, threads: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        let failed = rows.filter { $0["execution_failure"] == "out_of_gas" }
        #expect(!failed.isEmpty)
        for row in failed {
            #expect(row["applied"] == "0" && row["rejected_block_failed"] == row["transactions"])
            // The failed block leaves the root as the shard's previous block left it.
            let previous = rows.last { $0["shard"] == row["shard"] && Int($0["slot"]!)! < Int(row["slot"]!)! }
            if let previous { #expect(row["state_root"] == previous["state_root"]) }
        }
    }

    @Test("The run folder holds the resolved scenario, run.json with the conservation check, and a data dictionary")
    func runFolder() throws {
        let folder = try SimulationFixtures.run(try SimulationFixtures.scenario(slots: 2), threads: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
            as? [String: Any]
        #expect(manifest?["status"] as? String == "finished")
        #expect((manifest?["conservation"] as? [String: Any])?["holds"] as? Bool == true)
        let ees = manifest?["executionEnvironments"] as? [[String: Any]]
        #expect((ees?.first?["codeHash"] as? String)?.count == 66)
        let dictionary = try SimulationFixtures.read(folder, "README.md")
        for column in OutputSchemas.slots.columns { #expect(dictionary.contains("`\(column.name)`")) }
        #expect(try SimulationFixtures.read(folder, "scenario.yaml").contains("name: \"test\""))
    }

    @Test("The state database holds every account, and a tree rebuilt from it has the final state root")
    func stateDatabase() throws {
        let folder = try SimulationFixtures.run(try SimulationFixtures.scenario(shards: 2, slots: 3), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        for shard in 0..<2 {
            let accounts = try database.accounts(shard: ShardID(UInt16(shard)), ee: EEID(0))
            #expect(accounts.count == 24)
            let tree = TokenTree(
                depth: TokenTree.depth(forAccountCount: accounts.count),
                accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
            let last = rows.last { $0["shard"] == "\(shard)" }
            #expect(tree.root.hex == last?["state_root"])
        }
    }
}
