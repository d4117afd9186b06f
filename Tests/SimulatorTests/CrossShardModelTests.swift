import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// Each cross-shard model delivers when its rules say, under light load, and conserves ETH with reverts, rollbacks
/// and refunds included (a run that violates conservation throws).
@Suite struct CrossShardModelTests {
    private func scenario(
        model: String, finality: String = "3 slots", revert: String = "0%", orphan: String = "0%", slots: Int = 7,
        offline: String = "0%", shards: Int = 2, transactionsPerSlot: Int = 4
    ) throws -> Scenario {
        try SimulationFixtures.scenario(
            shards: shards, slots: slots, transactionsPerSlot: transactionsPerSlot, crossShard: "100%",
            offline: offline,
            extra: "crossShard: {model: \(model), finalityDelay: \(finality), revertProbability: \(revert), "
                + "orphanRate: \(orphan)}")
    }

    @Test("Without congestion, finality-wait latency is exactly the finality delay")
    func finalityWaitLatency() throws {
        let folder = try SimulationFixtures.run(try scenario(model: "finality-wait"), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        let delivered = transfers.filter { $0["outcome"] == "delivered" }
        #expect(!delivered.isEmpty)
        #expect(
            delivered.allSatisfy { $0["latency_inclusion_to_delivery_slots"] == "3" && $0["model"] == "finality-wait" })
        // Held receipts are in flight: the per-slot file shows them.
        let inflight = try SimulationFixtures.rows(folder, "inflight.csv")
        #expect(inflight.count == 7)
        #expect(inflight.contains { ($0["eth_held_gwei"].flatMap(UInt64.init) ?? 0) > 0 })
    }

    @Test("Without congestion, contention or missed slots, two-phase commit takes exactly two slots and never aborts")
    func twoPhaseLatency() throws {
        // Many accounts, equally popular: no transfer meets a lock in this run (checked below).
        let scenario = try SimulationFixtures.scenario(
            shards: 2, slots: 7, accounts: 1000, transactionsPerSlot: 3, crossShard: "100%", zipfExponent: "0",
            extra: "crossShard: {model: two-phase}")
        let folder = try SimulationFixtures.run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try SimulationFixtures.rows(folder, "summary.csv")
        for metric in ["lock_waited", "two_phase_aborted_lock_conflict", "on_shard_lock_aborted"] {
            #expect(summary.first { $0["metric"] == metric }?["value"] == "0", "\(metric)")
        }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        let delivered = transfers.filter { $0["outcome"] == "delivered" }
        #expect(!delivered.isEmpty)
        #expect(delivered.allSatisfy { $0["latency_inclusion_to_delivery_slots"] == "2" })
        #expect(!transfers.contains { $0["outcome"]?.hasPrefix("aborted") == true })
    }

    @Test("Two-phase transfers whose destination misses its vote are refunded to the sender, in wasm, conserving ETH")
    func twoPhaseAborts() throws {
        let folder = try SimulationFixtures.run(try scenario(model: "two-phase", slots: 8, offline: "40%"), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        #expect(transfers.contains { $0["outcome"]?.hasPrefix("aborted") == true })
        let summary = try SimulationFixtures.rows(folder, "summary.csv")
        let aborted = summary.first { $0["metric"] == "cross_shard_aborted" }?["value"]
        #expect(aborted == "\(transfers.filter { $0["outcome"]?.hasPrefix("aborted") == true }.count)")
    }

    @Test(
        "With no reverts, the optimistic model is the one-slot run: same slots.csv, same transfers apart from the model"
    )
    func optimisticWithoutRevertsIsOneSlot() throws {
        let oneSlot = try SimulationFixtures.run(try scenario(model: "one-slot"), threads: 2)
        let optimistic = try SimulationFixtures.run(try scenario(model: "optimistic", revert: "0%"), threads: 2)
        defer {
            try? FileManager.default.removeItem(at: oneSlot)
            try? FileManager.default.removeItem(at: optimistic)
        }
        #expect(try SimulationFixtures.read(oneSlot, "slots.csv") == SimulationFixtures.read(optimistic, "slots.csv"))
        #expect(
            try SimulationFixtures.read(oneSlot, "inflight.csv") == SimulationFixtures.read(optimistic, "inflight.csv"))
        let a = try SimulationFixtures.read(oneSlot, "transfers.csv")
        let b = try SimulationFixtures.read(optimistic, "transfers.csv").replacingOccurrences(
            of: ",optimistic,", with: ",one-slot,")
        #expect(a == b)
        #expect(a.contains(",delivered"))
    }

    @Test("Reverted source blocks roll back every dependent shard and re-execute it, conserving ETH, deterministically")
    func optimisticRollbacks() throws {
        let scenario = try scenario(model: "optimistic", finality: "2 slots", revert: "60%", slots: 7)
        let one = try SimulationFixtures.runOnOneAndTwoThreads(
            scenario,
            expectingIdentical: ["slots.csv", "transfers.csv", "summary.csv", "inflight.csv", "rollbacks.csv"])
        defer { try? FileManager.default.removeItem(at: one) }
        let summary = Dictionary(
            uniqueKeysWithValues: try SimulationFixtures.rows(one, "summary.csv").map { ($0["metric"]!, $0["value"]!) })
        #expect(Int(summary["rollbacks"]!)! > 0)
        #expect(Int(summary["blocks_reexecuted"]!)! > 0)
        #expect(Int(summary["max_cascade_depth"]!)! >= 1)
        #expect(summary["eth_conserved"] == "1")
        let rollbacks = try SimulationFixtures.rows(one, "rollbacks.csv")
        #expect(rollbacks.count == Int(summary["rollbacks"]!)!)
        // A reverted block appears as an empty slot of its shard in the final chain.
        let slots = try SimulationFixtures.rows(one, "slots.csv")
        for rollback in rollbacks {
            for shard in rollback["reverted_shards"]!.split(separator: " ") {
                let row = slots.first { $0["slot"] == rollback["reverted_slot"] && $0["shard"] == String(shard) }
                #expect(row?["missed"] == "1")
            }
        }
        // The state provider's tree on disk matches the final chain's last root on every shard.
        let database = try StateDatabase(url: one.appendingPathComponent("state.sqlite"))
        for shard in 0..<2 {
            let accounts = try database.accounts(shard: ShardID(UInt16(shard)), ee: EEID(0))
            let tree = TokenTree(
                depth: TokenTree.depth(forAccountCount: accounts.count),
                accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
            #expect(tree.root.hex == slots.last { $0["shard"] == "\(shard)" }?["state_root"])
        }
    }

    @Test(
        "A block orphaned at finality (orphanRate) rolls back every block that consumed its receipts, deterministically"
    )
    func optimisticOrphans() throws {
        let scenario = try scenario(model: "optimistic", finality: "2 slots", orphan: "30%", slots: 8, shards: 3)
        let one = try SimulationFixtures.runOnOneAndTwoThreads(
            scenario,
            expectingIdentical: ["slots.csv", "transfers.csv", "summary.csv", "inflight.csv", "rollbacks.csv"])
        defer { try? FileManager.default.removeItem(at: one) }
        let summary = Dictionary(
            uniqueKeysWithValues: try SimulationFixtures.rows(one, "summary.csv").map { ($0["metric"]!, $0["value"]!) })
        let orphaned = try #require(Int(summary["blocks_orphaned"] ?? ""))
        #expect(orphaned > 0)
        // No coin flips on receipt-sending blocks here: every reverted block was orphaned.
        #expect(summary["blocks_reverted"] == "\(orphaned)")
        #expect(Int(summary["deliveries_rolled_back"]!)! > 0, "dependents of an orphan were rolled back")
        #expect(Int(summary["max_cascade_depth"]!)! >= 1)
        #expect(summary["eth_conserved"] == "1")
        let slots = try SimulationFixtures.rows(one, "slots.csv")
        for rollback in try SimulationFixtures.rows(one, "rollbacks.csv") {
            for shard in rollback["reverted_shards"]!.split(separator: " ") {
                let row = slots.first { $0["slot"] == rollback["reverted_slot"] && $0["shard"] == String(shard) }
                #expect(row?["missed"] == "1")
            }
        }
    }
}
