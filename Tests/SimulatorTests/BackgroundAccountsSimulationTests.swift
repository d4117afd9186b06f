import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// Runs with background accounts (`activeAccountsPerShard` below `accountsPerShard`): deterministic whatever the
/// thread count, ETH conserved, the genesis root that of the fully built state, `state.sqlite` small and enough to
/// rebuild every slot's root, and checkpoints that resume byte-identically.
@Suite struct BackgroundAccountsSimulationTests {
    /// 3,000 accounts per shard (not a power of two: a subtree straddles the last account), 12 of them users.
    static func scenario(slots: Int = 4, extra: String = "") throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: background
                slots: \(slots)
                beacon: {proposerOfflineRate: 20%}
                shards: {count: 2}
                ees:
                  - name: token
                    code: "builtin:token"
                    genesisBalancePerShard: 3000 ETH
                    accountsPerShard: 3000
                    activeAccountsPerShard: 12
                workload: {transactionsPerSlot: 4, crossShardFraction: 50%\(extra)}
                """)
    }

    @Test("One thread and two threads write identical files, and ETH is conserved after every slot")
    func deterministicAndConserving() throws {
        let scenario = try Self.scenario()
        let one = try SimulationFixtures.runOnOneAndTwoThreads(
            scenario, expectingIdentical: SimulationDeterminismTests.deterministicFiles)
        defer { try? FileManager.default.removeItem(at: one) }
        // The run checks conservation after every slot (and throws otherwise); run.json records it.
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: one.appendingPathComponent("run.json")))
                as? [String: Any])
        let conservation = try #require(manifest["conservation"] as? [String: Any])
        #expect(conservation["holds"] as? Bool == true)
        #expect(conservation["checkedEverySlot"] as? Bool == true)
        #expect((conservation["totalGwei"] as? NSNumber)?.uint64Value == 2 * 3_000 * 1_000_000_000)
        let rows = try SimulationFixtures.rows(one, "slots.csv")
        #expect(rows.count == 8)
        #expect(rows.contains { ($0["applied"].flatMap { Int($0) } ?? 0) > 0 }, "users transact")
    }

    @Test("The genesis root is that of the fully built tree: background leaves plus users at hashed positions")
    func genesisEqualsFullTree() throws {
        let settings = try SimulationSettings(scenario: try Self.scenario(), seed: 1, threads: 1)
        let simulation = Simulation(settings: settings)
        let workload = settings.workloads[0]
        for shard in 0..<2 {
            let shardID = ShardID(UInt16(shard))
            let active = settings.accountPlacement.activeAccounts(
                active: 12, count: 3_000, seed: 1, ee: workload.id, shard: shardID)
            #expect(Set(active).count == 12)
            let pattern = TokenBackgroundPattern.shared(seed: 1, balance: workload.balancePerAccount)
            var leaves = (0..<3_000).map { pattern.account(at: UInt32($0)) }
            for index in active {
                leaves[Int(index)] = TokenAccount(
                    address: TokenSigning.address(seed: 1, shard: shardID, account: index),
                    balance: workload.balancePerAccount)
            }
            let full = TokenTree(depth: 12, accounts: leaves)
            #expect(simulation.nodes[shard].stateRoots[0] == full.root, "shard \(shard)")
            #expect(simulation.nodes[shard].workloads[0].accounts.map(\.index) == active)
        }
    }

    @Test("state.sqlite holds the users and the background's description, and rebuilds every slot's root")
    func stateDatabaseRebuildsEverySlot() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        let settings = try SimulationSettings(scenario: try Self.scenario(), seed: 1, threads: 1)
        for row in try SimulationFixtures.rows(folder, "slots.csv") {
            let slot = try #require(row["slot"].flatMap { UInt64($0) })
            let shard = ShardID(try #require(row["shard"].flatMap { UInt16($0) }))
            let background = try #require(try database.background(shard: shard, ee: EEID(0)))
            #expect(background == BackgroundAccounts(accountCount: 3_000, seed: 1, balance: Gwei(eth: 1)))
            let accounts = try database.accounts(shard: shard, ee: EEID(0), throughSlot: Slot(slot))
            #expect(accounts.count == 12, "only the users are stored")
            let rebuilt = LiveWorkload.rebuilt(
                settings.workloads[0].ee, id: EEID(0), accounts: accounts, background: background)
            #expect(rebuilt.root.hex == row["state_root"], "slot \(slot), shard \(shard.index)")
        }
    }

    @Test("Stopping at a checkpoint and resuming gives the uninterrupted run's files")
    func checkpointResume() throws {
        let scenario = try Self.scenario(slots: 5)
        let reference = try SimulationFixtures.run(scenario, threads: 1)
        let folder = SimulationFixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: reference)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(try SimulationFixtures.runStopped(scenario, into: folder, after: 1) == .interrupted(after: Slot(1)))
        #expect(try SimulationFixtures.resume(scenario, folder: folder) == .finished)
        for file in CheckpointResumeTests.deterministicFiles {
            #expect(
                try SimulationFixtures.read(folder, file) == SimulationFixtures.read(reference, file), "\(file) differs"
            )
        }
    }

    @Test("An EE without background accounts refuses activeAccountsPerShard below accountsPerShard")
    func ledgerRefusesBackground() throws {
        let scenario = try Scenario.parse(
            yaml: """
                slots: 1
                ees:
                  - {name: ledger, code: "builtin:ledger", accountsPerShard: 100, activeAccountsPerShard: 10}
                """)
        #expect {
            try SimulationSettings(scenario: scenario, seed: 1, threads: 1)
        } throws: { error in
            let error = try #require(error as? SimulationError)
            return error.kind == .scenario && error.description.contains("has no background accounts")
        }
    }
}
