import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// `state.sqlite` is correct as of every finished slot under every cross-shard model: rebuilding each workload EE's
/// accounts as of any slot gives that slot's root in `slots.csv`, on every shard — rollbacks included (rows written
/// by discarded blocks must not survive).
@Suite struct StateDatabaseEveryModelTests {
    @Test(
        "Every EE's root of every slot rebuilds from state.sqlite",
        arguments: [
            "one-slot", "finality-wait", "two-phase", "optimistic",
        ])
    func everySlotOfEveryModel(model: String) throws {
        let scenario = try Scenario.parse(
            yaml: """
                name: rebuild
                slots: 8
                shards: {count: 3}
                ees:
                  - {name: alpha, code: "builtin:token", genesisBalancePerShard: 1600 ETH, accountsPerShard: 16}
                  - {name: beta, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 24}
                workload: {ee: "alpha, beta", transactionsPerSlot: 5, crossShardFraction: 70%, crossEEFraction: 30%}
                crossShard: {model: \(model), finalityDelay: 2 slots, revertProbability: 60%}
                """)
        let folder = try SimulationFixtures.run(scenario, seed: 3, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        if model == "optimistic" {
            let summary = try SimulationFixtures.rows(folder, "summary.csv")
            #expect(summary.first { $0["metric"] == "rollbacks" }.flatMap { Int($0["value"] ?? "") } ?? 0 > 0)
        }
        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        let ids = ["alpha": EEID(0), "beta": EEID(1)]
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(rows.count == 8 * 3 * 2)
        for row in rows {
            let slot = try #require(row["slot"].flatMap { UInt64($0) })
            let shard = try #require(row["shard"].flatMap { UInt16($0) })
            let ee = try #require(row["ee"].flatMap { ids[$0] })
            let accounts = try database.accounts(shard: ShardID(shard), ee: ee, throughSlot: Slot(slot))
            let tree = TokenTree(
                depth: TokenTree.depth(forAccountCount: accounts.count),
                accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
            #expect(tree.root.hex == row["state_root"], "\(model): slot \(slot), shard \(shard), \(row["ee"] ?? "")")
        }
    }
}
