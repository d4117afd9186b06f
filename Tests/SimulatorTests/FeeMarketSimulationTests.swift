import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// The fee market inside a run: EIP-1559 against theory, the fee-market EE settling every block in wasm, ETH
/// conservation with fees burned and paid, relayers running dry, and determinism.
///
/// One shard, blocks of 4 transactions (20,000 gas at 5,000 each), so the wasm work stays small in debug builds.
@Suite struct FeeMarketSimulationTests {
    /// A fee-market scenario on one shard; `demand` transactions per slot against a 4-transaction block.
    static func scenario(
        slots: Int = 6, demand: Int = 12, elasticity: Int = 2, baseFee: String = "4096 gwei",
        deposits: String = "40 ETH", relayers: Int = 2, timeout: String = "10m", workload: String = ""
    ) throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: fees-test
                slots: \(slots)
                shards: {count: 1, blockGasLimit: 20000 gas}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 24}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: \(deposits), accountsPerShard: \(relayers)}
                workload: {transactionsPerSlot: \(demand), crossShardFraction: 0%, maxFeePerGas: 100000 gwei\(workload)}
                fees: {ee: fees, elasticity: \(elasticity), initialBaseFee: \(baseFee), transactionTimeout: \(timeout)}
                """)
    }

    static func number(_ row: [String: String], _ column: String) -> UInt64 {
        UInt64(row[column] ?? "") ?? .max
    }

    /// A gwei column written with nine decimals (`4096.000000000`), read back exactly in wei.
    static func wei(_ row: [String: String], _ column: String) -> UInt64 {
        let parts = (row[column] ?? "").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 9, let whole = UInt64(parts[0]), let fraction = UInt64(parts[1])
        else { return .max }
        return whole * 1_000_000_000 + fraction
    }

    @Test("Blocks above the target raise the base fee, each next base fee follows the rule (full ones by 1/8)")
    func fullBlocksRaiseBaseFee() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(), threads: 1)
        let rows = try SimulationFixtures.rows(folder, "fees.csv")
        try #require(rows.count == 6)
        var expected: UInt64 = 4_096_000_000_000
        for row in rows {
            let base = Self.wei(row, "base_fee_gwei")
            #expect(base == expected)
            let used = Self.number(row, "gas_used")
            let next = Self.wei(row, "next_base_fee_gwei")
            #expect(next == Self.nextBaseFee(base, used: used, target: 10_000))
            if used == 20_000 { #expect(next == base + base / 8) }
            expected = next
        }
        // Demand (12 per slot) outruns the block: each is as full as its measured gas allows (4 by the 5,000-gas
        // estimate, trimmed to the 2–3 whose real gas fits 20,000), so at or above the 10,000 target.
        #expect(rows.allSatisfy { Self.number($0, "gas_used") >= 10_000 })
        #expect(rows.contains { Self.number($0, "gas_used") > 10_000 })
        #expect(rows.last.map { Self.wei($0, "next_base_fee_gwei") } ?? 0 > 4_096_000_000_000)
        // slots.csv carries the same base fee and the gas target.
        let slots = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(slots.map { $0["base_fee_gwei"] } == rows.map { $0["base_fee_gwei"] })
        #expect(slots.allSatisfy { $0["gas_target"] == "10000" })
    }

    /// EIP-1559's rule in wei, written out independently of `BaseFeeRule`.
    static func nextBaseFee(_ base: UInt64, used: UInt64, target: UInt64) -> UInt64 {
        let (b, g, t) = (UInt128(base), UInt128(used), UInt128(target))
        if g > t { return UInt64(b + max(1, b * (g - t) / t / 8)) }
        return UInt64(b - b * (t - g) / t / 8)
    }

    @Test("Elasticity 1: the target is the limit, which blocks trimmed to measured gas stay below, so the fee falls")
    func targetAtLimit() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(elasticity: 1), threads: 1)
        let rows = try SimulationFixtures.rows(folder, "fees.csv")
        #expect(rows.dropFirst().allSatisfy { Self.number($0, "gas_used") < 20_000 && Self.number($0, "included") > 0 })
        for row in rows {
            let base = Self.wei(row, "base_fee_gwei")
            let next = Self.wei(row, "next_base_fee_gwei")
            #expect(next == Self.nextBaseFee(base, used: Self.number(row, "gas_used"), target: 20_000))
            #expect(next <= base)
        }
    }

    @Test("Burned and paid fees account for exactly what left the relayers' deposits")
    func conservationCountsFees() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(workload: ", feeStrategy: uniform"), threads: 1)
        let rows = try SimulationFixtures.rows(folder, "fees.csv")
        let burned = rows.reduce(0) { $0 + Self.number($1, "burned_gwei") }
        let paid = rows.reduce(0) { $0 + Self.number($1, "proposer_revenue_gwei") }
        let left = Self.number(try #require(rows.last), "relayer_deposits_gwei")
        #expect(burned > 0 && paid > 0)
        #expect(burned + paid + left == 40_000_000_000)
        #expect(rows.allSatisfy { $0["settled"] == $0["included"] && $0["fee_execution_failure"] == "" })
        let summary = try SimulationFixtures.read(folder, "summary.csv")
        #expect(summary.contains("fees_burned,\(burned),gwei"))
        #expect(summary.contains("eth_conserved,1,0/1"))
    }

    @Test("Relayers whose deposits run out get nothing more included: their users wait, then expire")
    func depositsRunOut() throws {
        // 0.25 ETH shared by 2 relayers pays for about 12 transactions at 4,096+ gwei × 5,000 gas each, while
        // users submit 12 per slot.
        let scenario = try Self.scenario(slots: 8, deposits: "0.25 ETH", timeout: "36s")
        let rows = try SimulationFixtures.rows(try SimulationFixtures.run(scenario, threads: 1), "fees.csv")
        let included = rows.map { Self.number($0, "included") }
        #expect(included.reduce(0, +) > 0 && included.reduce(0, +) < 16)
        // Some block stays empty although payable transactions wait: their relayers cannot cover them.
        #expect(
            rows.contains {
                $0["included"] == "0" && Self.number($0, "waiting") > Self.number($0, "waiting_underpriced")
            })
        #expect(rows.reduce(0) { $0 + Self.number($1, "expired") } > 0)
        // The proposer never includes what the relayer cannot pay, so the EE rejects nothing.
        #expect(rows.allSatisfy { Self.number($0, "rejected") == 0 })
        #expect(Self.number(try #require(rows.last), "relayer_deposits_gwei") < 60_000_000)
    }

    @Test("Users whose fee cap is below the base fee wait, counted as underpriced")
    func underpricedWait() throws {
        let scenario = try Self.scenario(baseFee: "800000 gwei")
        let rows = try SimulationFixtures.rows(try SimulationFixtures.run(scenario, threads: 1), "fees.csv")
        #expect(rows.allSatisfy { $0["included"] == "0" })
        #expect(rows.last.map { Self.number($0, "waiting_underpriced") == Self.number($0, "waiting") } == true)
        // Empty blocks lower the base fee by 1/8 each.
        #expect(rows.first.map { $0["next_base_fee_gwei"] } == "700000.000000000")
    }

    @Test("A demand spike multiplies arrivals only on the listed shards and only while it lasts")
    func spikeRaisesDemand() throws {
        let base = try SimulationFixtures.scenario(shards: 2, slots: 6, transactionsPerSlot: 4, crossShard: "0%")
        var spiked = base
        spiked.workload.spike.from = TimeSpan(micros: 24_000_000)
        spiked.workload.spike.until = TimeSpan(micros: 48_000_000)
        spiked.workload.spike.multiplier = FixedDecimal(5)
        spiked.workload.spike.shards = "1"
        let plain = try SimulationFixtures.rows(try SimulationFixtures.run(base, threads: 1), "slots.csv")
        let spike = try SimulationFixtures.rows(try SimulationFixtures.run(spiked, threads: 1), "slots.csv")
        func submitted(_ rows: [[String: String]], shard: String) -> Int {
            let own = rows.filter { $0["shard"] == shard }
            return own.reduce(0) { $0 + Int($1["transactions"] ?? "0")! } + Int(own.last?["mempool_after"] ?? "0")!
        }
        // Shard 0 is untouched, byte for byte.
        #expect(plain.filter { $0["shard"] == "0" } == spike.filter { $0["shard"] == "0" })
        #expect(submitted(spike, shard: "1") > submitted(plain, shard: "1"))
    }

    @Test("The fee market is deterministic whatever the thread count")
    func deterministic() throws {
        let scenario = try Scenario.parse(
            yaml: """
                name: fees-threads
                slots: 4
                shards: {count: 3, blockGasLimit: 20000 gas}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 24}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 30 ETH, accountsPerShard: 3}
                workload: {transactionsPerSlot: 6, crossShardFraction: 50%, feeStrategy: uniform, maxFeePerGas: 4 gwei}
                fees: {ee: fees, initialBaseFee: 3 gwei}
                """)
        let one = try SimulationFixtures.run(scenario, threads: 1)
        let three = try SimulationFixtures.run(scenario, threads: 3)
        for file in ["fees.csv", "slots.csv", "transfers.csv", "summary.csv"] {
            #expect(try SimulationFixtures.read(one, file) == SimulationFixtures.read(three, file), "\(file)")
        }
    }

    @Test("A fee-market execution that runs out of gas fails on its own: nothing settled, the EE's state unchanged")
    func feeMarketOutOfGas() throws {
        let settings = try SimulationSettings(scenario: try Self.scenario(demand: 0), seed: 1, threads: 1)
        let fees = try #require(settings.fees)
        var node = Simulation(settings: settings).nodes[0]
        let (root, balance) = (node.stateRoots[Int(fees.ee.index)], node.balances[Int(fees.ee.index)])
        // Even an empty settlement costs more than 100 gas; the native reference has no gas meter and succeeds.
        let market = FeeMarket(
            settings: fees, ee: FeeMarketEE(module: settings.ees[Int(fees.ee.index)].module),
            runtime: EERuntime(limits: EERuntime.Limits(gasLimit: 100, memoryLimitBytes: 1 << 20)),
            clock: settings.clock)
        var outcome = ShardSlotOutcome(rows: [
            SlotRow(
                slot: Slot(0), shard: node.id, ee: settings.workloads[0].id, eeName: settings.workloads[0].name,
                proposer: nil)
        ])
        try market.settle(
            &node, slot: Slot(0), included: [], operationHashes: [], receipts: 0, witnessBytes: 0, expired: 0,
            outcome: &outcome)
        #expect(outcome.fees?.executionFailure == "out_of_gas")
        #expect(node.stateRoots[Int(fees.ee.index)] == root && node.balances[Int(fees.ee.index)] == balance)
        #expect(outcome.fees?.burned == .zero && outcome.fees?.proposerRevenue == .zero)
    }
}
