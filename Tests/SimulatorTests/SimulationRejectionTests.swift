import Foundation
import Testing

@testable import Simulator

/// Each kind of invalid transaction is rejected by the EE (the wasm and the native state provider agreeing), leaves
/// the state as it was, and is counted in `slots.csv` under its reason; ETH stays conserved throughout.
@Suite struct SimulationRejectionTests {
    static let cases: [(name: String, faults: FaultRates, column: String)] = [
        ("bad signature", FaultRates(badSignature: 1), "rejected_bad_signature"),
        ("replayed nonce", FaultRates(replayedNonce: 1), "rejected_bad_nonce"),
        ("overdraft", FaultRates(overdraft: 1), "rejected_insufficient_balance"),
        ("replayed receipt", FaultRates(replayedReceipt: 1), "rejected_bad_receipt"),
        ("forged witness", FaultRates(forgedWitness: 1), "rejected_block_failed"),
    ]

    @Test("A faulty transaction is rejected, counted under its reason, and changes nothing", arguments: cases)
    func rejected(_ fault: (name: String, faults: FaultRates, column: String)) throws {
        let scenario = try SimulationFixtures.scenario(shards: 2, slots: 3, transactionsPerSlot: 3, crossShard: "50%")
        let folder = try SimulationFixtures.run(scenario, faults: fault.faults)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        let counted = rows.reduce(0) { $0 + Int($1[fault.column]!)! }
        #expect(counted > 0, "\(fault.name): nothing counted in \(fault.column)")

        // Every user transaction of these runs is faulty, so no block may change an account: the root stays the
        // genesis root on every shard (a replayed receipt run still delivers honest receipts, so it is exempt).
        if fault.name != "replayed receipt" {
            let genesisRoots = Dictionary(grouping: rows, by: { $0["shard"]! }).mapValues {
                Set($0.map { $0["state_root"]! })
            }
            for (shard, roots) in genesisRoots {
                #expect(roots.count == 1, "\(fault.name): shard \(shard)'s root changed")
            }
            #expect(rows.allSatisfy { $0["applied"] == "0" })
        }
        if fault.name == "forged witness" {
            #expect(rows.filter { $0["transactions"] != "0" }.allSatisfy { $0["execution_failure"] == "trap" })
        }
    }
}
