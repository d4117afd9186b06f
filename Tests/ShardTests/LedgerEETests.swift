import Beacon
import Foundation
import Testing

@testable import Shard

/// `ledger.wasm`, the worked example EE, under the runtime agrees with ``LedgerReference`` on every block: the
/// pipeline ``SimulatedEE/execute(_:on:context:runtime:)`` throws on any disagreement, and the results are the ones
/// its rules give.
@Suite struct LedgerEETests {
    static let module: EEModule? = try? BuiltinEEs.load("ledger")
    let runtime = EERuntime()
    let shard = ShardID(2)
    let me = EEID(1)

    private func ledger() throws -> LedgerEE { LedgerEE(module: try #require(Self.module)) }

    /// Four users with 1,000 gwei each.
    private func state(_ ee: LedgerEE) -> LedgerState {
        ee.genesis(seed: 9, shard: shard, accountCount: 4, balance: Gwei(1_000))
    }

    private func context(balance: UInt64 = 4_000, receipts: [IncomingReceipt] = []) -> ShardContext {
        ShardContext(shard: shard, slot: Slot(3), ee: me, balance: Gwei(balance), incomingReceipts: receipts)
    }

    private func receipt(_ amount: UInt64, to account: UInt32) -> Receipt {
        var payload: [UInt8] = []
        payload.append(littleEndian: account)
        return Receipt(
            id: Receipt.ID(sourceShard: ShardID(0), sourceSlot: Slot(2), index: 0), sourceEE: EEID(0),
            destinationShard: shard, destinationEE: me, amount: Gwei(amount), payload: payload)
    }

    private func incoming(_ receipt: Receipt) -> IncomingReceipt {
        IncomingReceipt(
            sourceShard: receipt.id.sourceShard, sourceEE: receipt.sourceEE, amount: receipt.amount,
            payload: receipt.payload)
    }

    @Test("Transfers, a send to another EE and a receive apply in wasm as natively, and the state follows")
    func validBlock() throws {
        let ee = try ledger()
        var state = state(ee)
        let incoming = receipt(500, to: 3)
        let intents = [
            UserIntent(from: 0, destinationShard: shard, destinationEE: me, to: 1, amount: Gwei(300)),
            UserIntent(from: 0, destinationShard: shard, destinationEE: me, to: 2, amount: Gwei(200)),
            UserIntent(from: 1, destinationShard: shard, destinationEE: EEID(0), to: 7, amount: Gwei(50)),
            UserIntent(from: 3, destinationShard: ShardID(5), destinationEE: me, to: 0, amount: Gwei(1_400)),
        ]
        let block = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [incoming], intents: intents, replayed: nil)
        let executed = try ee.execute(
            block, on: state, context: context(receipts: [self.incoming(incoming)]), runtime: runtime)
        #expect(executed.succeeded)
        #expect(executed.result.effects.results.map(\.code) == [0, 0, 0, 0, 0])
        #expect(executed.result.effects.transfers.map(\.amount) == [Gwei(50), Gwei(1_400)])
        #expect(executed.result.effects.transfers[0].destinationEE == EEID(0))
        #expect(executed.result.effects.balanceAfter == Gwei(4_000 + 500 - 50 - 1_400))
        try ee.commit(executed, to: &state)
        #expect(state.accounts.map(\.balance.value) == [500, 1_250, 1_200, 100])
        #expect(state.accounts.map(\.nonce) == [2, 1, 0, 1])
        #expect(ee.root(of: state) == executed.result.postStateRoot)
        #expect(ee.changedAccounts(in: executed.reference).map(\.index) == [0, 1, 2, 3])
    }

    @Test("Each fault is rejected with its reason, in wasm as natively")
    func rejections() throws {
        let ee = try ledger()
        let state = state(ee)
        let old = receipt(10, to: 1)
        func intent(_ fault: IntentFault?) -> UserIntent {
            UserIntent(from: 2, destinationShard: shard, destinationEE: me, to: 1, amount: Gwei(10), fault: fault)
        }
        let block = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [],
            intents: [intent(.badSignature), intent(.replayedNonce), intent(.overdraft), intent(nil)], replayed: old)
        var replayed = incoming(old)
        replayed.alreadyProcessed = true
        let executed = try ee.execute(block, on: state, context: context(receipts: [replayed]), runtime: runtime)
        #expect(
            executed.result.effects.results.map { ee.operationResult(code: $0.code) } == [
                .badSignature, .badNonce, .insufficientBalance, .applied, .badReceipt,
            ])
    }

    @Test("A forged witness, a receipt claimed for another account, or another shard's block fails the whole block")
    func failures() throws {
        let ee = try ledger()
        let state = state(ee)
        var forged = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [],
            intents: [UserIntent(from: 0, destinationShard: shard, destinationEE: me, to: 1, amount: Gwei(1))],
            replayed: nil)
        ee.forgeWitness(&forged)
        let redirected = receipt(10, to: 1)
        var misdirected = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [redirected], intents: [], replayed: nil)
        misdirected.operations = [.receive(receipt: 0, to: 2)]
        var elsewhere = ee.block(on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [], replayed: nil)
        elsewhere.shard = ShardID(3)
        for (block, receipts) in [(forged, []), (misdirected, [incoming(redirected)]), (elsewhere, [])] {
            let executed = try ee.execute(block, on: state, context: context(receipts: receipts), runtime: runtime)
            #expect(!executed.succeeded)
            #expect(!executed.reference.succeeded)
        }
    }

    @Test("A state survives encoding, and is a workload EE in the registry")
    func registry() throws {
        let ee = try ledger()
        let state = state(ee)
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(LedgerState.self, from: data) == state)
        #expect(SimulatedEEs.workload(named: "ledger", module: try #require(Self.module)) is LedgerEE)
    }
}
