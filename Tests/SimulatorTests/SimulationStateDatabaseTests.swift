import Beacon
import Foundation
import Shard
import Testing

@testable import Simulator

/// `state.sqlite` keeps enough to rebuild every shard's accounts as of the end of any finished slot: genesis plus
/// the changes appended slot by slot.
@Suite struct SimulationStateDatabaseTests {
    @Test("The accounts rebuilt as of each slot have that slot's state root in slots.csv")
    func everySlotCanBeRebuilt() throws {
        let folder = try SimulationFixtures.run(try SimulationFixtures.scenario(shards: 2, slots: 4), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(rows.count == 8)
        for row in rows {
            let slot = try #require(row["slot"].flatMap { UInt64($0) })
            let shard = try #require(row["shard"].flatMap { UInt16($0) })
            let accounts = try database.accounts(shard: ShardID(shard), ee: EEID(0), throughSlot: Slot(slot))
            #expect(accounts.count == 24)
            let tree = TokenTree(
                depth: TokenTree.depth(forAccountCount: accounts.count),
                accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
            #expect(tree.root.hex == row["state_root"], "slot \(slot), shard \(shard)")
        }
    }
}
