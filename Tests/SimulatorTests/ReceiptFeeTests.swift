import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// Receipts pay for their processing: the sender prepays, at the source, 1,500 gas × its own price per gas (base
/// fee + tip) from its relayer's deposit; the receipt carries it; the destination burns 1,500 gas × its base fee
/// out of it and pays the rest to its proposer. So inbound traffic raises a shard's base fee at the senders' cost,
/// and ETH stays conserved (the run checks it every slot, prepaid fees in flight included).
@Suite struct ReceiptFeeTests {
    /// Two shards; shard 1 has no users of its own (a spike to 0 over the whole run), shard 0 sends everything to
    /// it. The gas target is 6,000 (60,000 ÷ 10), so a handful of receipts fills shard 1's target.
    static func scenario(model: String = "one-slot", baseFee: String = "10 gwei") throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: receipt-fees
                slots: 6
                shards: {count: 2, blockGasLimit: 60000 gas}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 40 ETH, accountsPerShard: 2}
                workload:
                  transactionsPerSlot: 6
                  crossShardFraction: 100%
                  maxFeePerGas: 1000 gwei
                  priorityFeePerGas: 2 gwei
                  spike: {from: 0s, until: 1h, multiplier: 0, shards: "1"}
                crossShard: {model: \(model), finalityDelay: 2 slots}
                fees: {ee: fees, elasticity: 10, initialBaseFee: \(baseFee)}
                """)
    }

    static func value(_ row: [String: String], _ column: String) -> UInt64 { UInt64(row[column] ?? "") ?? .max }

    @Test("Inbound receipts alone raise a shard's base fee, paid by the senders' prepaid fees, and ETH is conserved")
    func inboundReceiptsPayTheBaseFee() throws {
        let folder = try SimulationFixtures.run(try Self.scenario(), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try SimulationFixtures.rows(folder, "fees.csv")
        let destination = rows.filter { $0["shard"] == "1" }
        let source = rows.filter { $0["shard"] == "0" }
        try #require(destination.count == 6 && source.count == 6)
        // Shard 1 includes no transaction of its own: its gas is receipts only, and above target it raises the fee.
        #expect(destination.allSatisfy { $0["included"] == "0" })
        let busy = destination.filter { Self.value($0, "gas_used") > Self.value($0, "gas_target") }
        #expect(!busy.isEmpty, "no slot of shard 1 had receipts above the gas target")
        for row in busy {
            #expect(
                FeeMarketSimulationTests.wei(row, "next_base_fee_gwei")
                    > FeeMarketSimulationTests.wei(row, "base_fee_gwei"))
        }
        // Every receipt it processed was paid for: burned = 1,500 gas × its base fee each, the rest tipped.
        for row in destination where row["gas_used"] != "0" {
            let receipts = Self.value(row, "gas_used") / FeeSettings.gasPerReceipt
            let due = try #require(
                WeiPerGas(wei: FeeMarketSimulationTests.wei(row, "base_fee_gwei")).charge(
                    forGas: FeeSettings.gasPerReceipt))
            #expect(row["receipts_underpaid"] == "0")
            #expect(Self.value(row, "receipt_fees_burned_gwei") == receipts * due.value)
            #expect(Self.value(row, "receipt_fees_tipped_gwei") > 0)
            #expect(Self.value(row, "burned_gwei") == 0, "shard 1 settles no transaction fee")
        }
        // The senders prepaid it, at the source, from their relayers' deposits.
        let prepaid = source.reduce(0) { $0 + Self.value($1, "receipt_fees_prepaid_gwei") }
        let spent = destination.reduce(0) {
            $0 + Self.value($1, "receipt_fees_burned_gwei") + Self.value($1, "receipt_fees_tipped_gwei")
        }
        #expect(prepaid > 0)
        #expect(spent <= prepaid)
        let summary = Dictionary(
            uniqueKeysWithValues: try SimulationFixtures.rows(folder, "summary.csv").map {
                ($0["metric"] ?? "", $0["value"] ?? "")
            })
        #expect(summary["receipt_fees_prepaid"] == "\(prepaid)")
        #expect(summary["eth_conserved"] == "1")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
                as? [String: Any])
        #expect((manifest["conservation"] as? [String: Any])?["holds"] as? Bool == true)
    }

    @Test("A prepayment below the destination's base fee is processed anyway: all of it burned, counted underpaid")
    func underpaidReceiptsAreBurnedWhole() throws {
        // A destination whose base fee starts far above the senders' makes their prepayments short.
        var scenario = try Self.scenario(model: "finality-wait")
        scenario.crossShard.model = .finalityWait
        let settings = try SimulationSettings(scenario: scenario, seed: 1, threads: 2)
        let simulation = Simulation(settings: settings, output: nil)
        // The destination's base fee far above what senders at 10 gwei prepay.
        simulation.nodes[1].fees?.baseFee = try #require(WeiPerGas(gwei: 5_000))
        try simulation.run()
        #expect(simulation.totals.receiptsUnderpaid > 0)
        #expect(
            simulation.totals.receiptFeesBurnedGwei == simulation.totals.receiptFeesPrepaidGwei
                - inFlightPrepaid(simulation))
        #expect(simulation.totals.receiptFeesTippedGwei == 0)
    }

    private func inFlightPrepaid(_ simulation: Simulation) -> UInt64 {
        let inboxes = simulation.nodes.flatMap(\.inbox).reduce(Gwei.zero) { $0 + $1.prepaidFee }
        return (inboxes + simulation.router.heldPrepaidGwei).value
    }
}
