import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// Several live workload EEs on every shard: two instances of the token EE with their own users, roots and
/// balances, and ETH moving between them within and across shards.
@Suite struct MultiEESimulationTests {
    static func scenario(slots: Int = 5) throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: two-tokens
                slots: \(slots)
                shards: {count: 3}
                ees:
                  - {name: alpha, code: "builtin:token", genesisBalancePerShard: 1600 ETH, accountsPerShard: 16}
                  - {name: beta, code: "builtin:token", genesisBalancePerShard: 4800 ETH, accountsPerShard: 24}
                workload: {ee: "alpha*2, beta", transactionsPerSlot: 6, crossShardFraction: 50%, crossEEFraction: 50%}
                """)
    }

    @Test("Each workload EE has its own row, root and balance per shard per slot, and every one of them moves")
    func everyEELives() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(rows.count == 5 * 3 * 2)
        for shard in 0..<3 {
            for ee in ["alpha", "beta"] {
                let mine = rows.filter { $0["shard"] == "\(shard)" && $0["ee"] == ee }
                #expect(mine.count == 5)
                #expect(Set(mine.map { $0["state_root"] }).count > 1, "shard \(shard), \(ee): the root never moved")
                #expect(Set(mine.map { $0["ee_balance_gwei"] }).count > 1, "shard \(shard), \(ee): no ETH moved")
            }
        }
    }

    @Test("ETH moves between the EEs by receipts, on one shard and across shards, and is delivered")
    func ethMovesBetweenEEs() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        let delivered = transfers.filter { $0["outcome"] == "delivered" && $0["source_ee"] != $0["destination_ee"] }
        #expect(delivered.contains { $0["source_shard"] == $0["destination_shard"] })
        #expect(delivered.contains { $0["source_shard"] != $0["destination_shard"] })
        #expect(delivered.contains { $0["source_ee"] == "alpha" } && delivered.contains { $0["source_ee"] == "beta" })
        // One slot, as for any receipt under the one-slot model.
        #expect(delivered.allSatisfy { $0["latency_inclusion_to_delivery_slots"] == "1" })
    }

    @Test("The outputs do not depend on the thread count")
    func deterministic() throws {
        let one = try SimulationFixtures.run(try Self.scenario(), threads: 1)
        let three = try SimulationFixtures.run(try Self.scenario(), threads: 3)
        defer {
            try? FileManager.default.removeItem(at: one)
            try? FileManager.default.removeItem(at: three)
        }
        for file in ["slots.csv", "transfers.csv", "inflight.csv", "summary.csv"] {
            #expect(try SimulationFixtures.read(one, file) == SimulationFixtures.read(three, file), "\(file)")
        }
    }

    @Test("state.sqlite rebuilds every EE's root on every shard as of every slot")
    func stateDatabaseRebuildsEveryEE() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        let ids = ["alpha": EEID(0), "beta": EEID(1)]
        for row in try SimulationFixtures.rows(folder, "slots.csv") {
            let slot = try #require(row["slot"].flatMap { UInt64($0) })
            let shard = try #require(row["shard"].flatMap { UInt16($0) })
            let ee = try #require(row["ee"].flatMap { ids[$0] })
            let accounts = try database.accounts(shard: ShardID(shard), ee: ee, throughSlot: Slot(slot))
            let tree = TokenTree(
                depth: TokenTree.depth(forAccountCount: accounts.count),
                accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
            #expect(tree.root.hex == row["state_root"], "slot \(slot), shard \(shard), \(row["ee"] ?? "")")
        }
    }

    @Test("A transfer between EEs needs two workload EEs; a workload EE that is not one is refused")
    func refusals() throws {
        #expect(throws: (any Error).self) {
            try Scenario.parse(
                yaml: """
                    ees: [{name: token, code: "builtin:token"}]
                    workload: {crossEEFraction: 10%}
                    """)
        }
        let scenario = try Scenario.parse(
            yaml: """
                ees: [{name: token, code: "builtin:token"}, {name: hello, code: "builtin:helloworld"}]
                workload: {ee: "token, hello"}
                """)
        #expect(throws: SimulationError.self) { try SimulationSettings(scenario: scenario, seed: 1) }
    }
}
