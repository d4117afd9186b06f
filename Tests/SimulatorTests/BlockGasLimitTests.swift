import Foundation
import Scenarios
import Testing

@testable import Simulator

/// The block gas limit holds on measured gas: under demand far above capacity no shard block's executions use more
/// gas than `shards.blockGasLimit`, with and without a fee market; what the estimates over-packed is trimmed,
/// counted, and waits for a later block.
@Suite struct BlockGasLimitTests {
    /// 60 transactions per slot against a limit the packer's 5,000-gas estimate fills with 12 (60,000 gas): the
    /// token EE's real gas per transaction is above the estimate, so packing by estimate alone overfills blocks.
    static func overloaded(fees: Bool) throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: overload
                slots: 4
                shards: {count: 2, blockGasLimit: 60000 gas}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 24}
                \(fees ? "  - {name: fees, code: \"builtin:fee_market\", genesisBalancePerShard: 40 ETH, accountsPerShard: 2}" : "")
                workload: {transactionsPerSlot: 60, crossShardFraction: 50%\(fees ? ", maxFeePerGas: 100000 gwei" : "")}
                \(fees ? "fees: {ee: fees, initialBaseFee: 10 gwei}" : "")
                """)
    }

    @Test("Under load far above capacity no block's measured gas exceeds its limit", arguments: [false, true])
    func measuredGasWithinLimit(fees: Bool) throws {
        let folder = try SimulationFixtures.run(try Self.overloaded(fees: fees), threads: 1)
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        try #require(!rows.isEmpty)
        var perBlock: [String: UInt64] = [:]
        for row in rows { perBlock["\(row["slot"]!)/\(row["shard"]!)", default: 0] += UInt64(row["gas_used"]!)! }
        let worst = perBlock.values.max() ?? 0
        #expect(worst <= 60_000, "a block used \(worst) gas against a limit of 60,000")
        // The packer's estimate over-fills at this load, so trimming happened, and every execution still succeeded.
        let trimmed = rows.reduce(0) { $0 + Int($1["transactions_trimmed"]!)! }
        #expect(trimmed > 0)
        #expect(rows.allSatisfy { $0["execution_failure"] == "" })
        // Blocks stay full: what was trimmed is not lost, it waits.
        #expect(rows.filter { $0["slot"] != "0" }.allSatisfy { Int($0["transactions"]!)! > 0 })
        let summary = try SimulationFixtures.read(folder, "summary.csv")
        #expect(summary.contains("transactions_trimmed,\(trimmed),transactions"))
        #expect(summary.contains("eth_conserved,1,0/1"))
    }
}
