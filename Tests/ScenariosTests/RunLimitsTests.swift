import Testing

@testable import Scenarios

/// Scenarios whose fields are each valid but whose products overflow a run's 64-bit amounts and times are rejected
/// at load, naming the field, its line and the limit; those just inside the limits load.
@Suite struct RunLimitsTests {
    /// A reproducer of issue 10 and the field its error must name.
    struct Case: CustomTestStringConvertible, Sendable {
        let yaml: String
        let field: String
        let line: Int
        let limit: String
        var testDescription: String { yaml.split(separator: "\n").joined(separator: "; ") }
    }

    static let feeMarket = """
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 100 ETH, accountsPerShard: 4}
          - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 10 ETH, accountsPerShard: 2}
        """

    static let overflowing: [Case] = [
        Case(
            yaml: "shards: {count: 2}\nees: [{name: token, code: 'builtin:token', "
                + "genesisBalancePerShard: 10000000000 ETH}]",
            field: "ees[0].genesisBalancePerShard", line: 2, limit: "1000000000 ETH"),
        Case(
            yaml: "shards: {count: 64}\nees: [{name: token, code: 'builtin:token', "
                + "genesisBalancePerShard: 1000000000 ETH}]",
            field: "ees[0].genesisBalancePerShard", line: 2, limit: "1000000000 ETH"),
        Case(
            yaml: "slots: 3\nbeacon: {slotDuration: 4000000000h}", field: "slots", line: 1, limit: "1000000000h"),
        Case(
            yaml: "slots: 2\nbeacon: {slotDuration: 1000000000h}", field: "slots", line: 1, limit: "1000000000h"),
        Case(
            yaml: "slots: 18446744073709551615", field: "slots", line: 1, limit: "1000000000h"),
        Case(
            yaml: "crossShard: {model: finality-wait, finalityDelay: 18446744073709551615 slots}",
            field: "crossShard.finalityDelay", line: 1, limit: "1000000000h"),
        Case(
            yaml: "crossShard: {model: optimistic, finalityDelay: 18446744073709551615 slots}",
            field: "crossShard.finalityDelay", line: 1, limit: "1000000000h"),
        Case(
            yaml: "fees: {transactionTimeout: 18446744073709551615us}", field: "fees.transactionTimeout", line: 1,
            limit: "1000000000h"),
        Case(
            yaml: feeMarket + "\nworkload: {priorityFeePerGas: 4000000 ETH}\nfees: {ee: fees}",
            field: "workload.priorityFeePerGas", line: 4, limit: "18 ETH"),
        Case(
            yaml: feeMarket + "\nfees: {ee: fees, initialBaseFee: 4000000 ETH}",
            field: "fees.initialBaseFee", line: 4, limit: "18 ETH"),
        Case(
            yaml: feeMarket + "\nworkload: {feeStrategy: uniform, maxFeePerGas: 18000000000 ETH}\nfees: {ee: fees}",
            field: "workload.maxFeePerGas", line: 4, limit: "18 ETH"),
        Case(
            yaml: feeMarket + "\nfees: {ee: fees, witnessFeePerByte: 2000000 ETH}",
            field: "fees.witnessFeePerByte", line: 4, limit: "1000000000 ETH"),
    ]

    @Test("An overflowing combination is rejected with its field, line and limit", arguments: overflowing)
    func overflowingCombination(_ example: Case) {
        do {
            let scenario = try Scenario.parse(yaml: example.yaml, file: "limits.yaml")
            Issue.record("loaded, slots: \(scenario.slotCount)")
        } catch {
            let matching = error.errors.filter { $0.field == example.field }
            #expect(matching.count == 1, "\(error)")
            #expect(matching.first?.line == example.line, "\(error)")
            #expect(matching.first?.expected.contains(example.limit) == true, "\(error)")
        }
    }

    @Test("Scenarios at the limits load")
    func atTheLimits() throws {
        let scenario = try Scenario.parse(
            yaml: """
                slots: 2
                beacon: {slotDuration: 500000000h}
                shards: {count: 1024}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 976562.5 ETH, accountsPerShard: 4}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 0 ETH, accountsPerShard: 2}
                workload: {priorityFeePerGas: 18 ETH, maxFeePerGas: 18 ETH}
                crossShard: {model: finality-wait, finalityDelay: 2 slots}
                fees: {ee: fees, initialBaseFee: 18 ETH, transactionTimeout: 1000000000h}
                """)
        #expect(scenario.slotCount == 2)
    }

    @Test("A finality delay is limited only under the models that use it")
    func finalityDelayUnused() throws {
        let scenario = try Scenario.parse(
            yaml: "crossShard: {model: one-slot, finalityDelay: 18446744073709551615 slots}")
        #expect(scenario.crossShard.model == .oneSlot)
    }

    @Test("Without a fee market, fee fields are not limited (they are never used)")
    func feesOffUnlimited() throws {
        let scenario = try Scenario.parse(yaml: "workload: {priorityFeePerGas: 4000000 ETH, maxFeePerGas: 4000000 ETH}")
        #expect(scenario.workload.priorityFeePerGas.gwei == 4_000_000 * EtherAmount.gweiPerETH)
    }
}
