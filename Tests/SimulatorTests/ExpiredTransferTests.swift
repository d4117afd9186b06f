import Foundation
import Scenarios
import Testing

@testable import Simulator

/// A transfer dropped from the mempool by the fee market's timeout ends as `expired`, in the slot it expired
/// (issue 12, item 6): before, it stayed `pending` and was written only when the run ended.
@Suite struct ExpiredTransferTests {
    @Test("Transfers that wait past fees.transactionTimeout are written as expired, in the slot they expire")
    func expiredTransfers() throws {
        // Half the users bid below the 5 gwei base fee, so they wait until the 20 s timeout drops them.
        let scenario = try Scenario.parse(
            yaml: """
                name: expiry
                slots: 5
                shards: {count: 2}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 24}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 30 ETH, accountsPerShard: 3}
                workload:
                  transactionsPerSlot: 4
                  crossShardFraction: 100%
                  feeStrategy: uniform
                  maxFeePerGas: 5 gwei
                fees: {ee: fees, initialBaseFee: 5 gwei, transactionTimeout: 20s}
                """)
        let folder = try SimulationFixtures.run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        let expired = transfers.filter { $0["outcome"] == "expired" }
        #expect(!expired.isEmpty)
        // Never included, never delivered.
        #expect(expired.allSatisfy { $0["included_slot"] == "" && $0["delivered_slot"] == "" })
        // No transfer still waiting at the end had passed the timeout by the last block (5 slots of 12 s).
        let lastBlock: UInt64 = 5 * 12_000_000 - 1
        let stale = transfers.filter {
            $0["outcome"] == "pending" && UInt64($0["created_us"]!)! + 20_000_000 <= lastBlock
        }
        #expect(stale.isEmpty)
        // Written when they expire: before the rows written at the end (pending and in flight).
        let firstOpen = try #require(
            transfers.firstIndex { $0["outcome"] == "pending" || $0["outcome"] == "in_flight" })
        let lastExpired = try #require(transfers.lastIndex { $0["outcome"] == "expired" })
        #expect(lastExpired < firstOpen)
        // Every expired transfer is among the transactions fees.csv counts as expired.
        let expiredTransactions = try SimulationFixtures.rows(folder, "fees.csv").reduce(0) {
            $0 + Int($1["expired"]!)!
        }
        #expect(expired.count <= expiredTransactions)
    }
}
