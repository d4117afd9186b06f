import Beacon
import Foundation
import Testing

@testable import Shard

/// `patricia.wasm` under the runtime agrees with ``PatriciaReference`` on every block (the pipeline
/// ``SimulatedEE/execute(_:on:context:runtime:)`` throws on any disagreement); every rejection leaves the root
/// unchanged and every failure keeps the pre-state root.
@Suite struct PatriciaEETests {
    static let module: EEModule? = try? BuiltinEEs.load("patricia")
    let runtime = EERuntime()
    let shard = ShardID(2)
    let me = EEID(1)

    private func patricia() throws -> PatriciaEE { PatriciaEE(module: try #require(Self.module)) }

    /// Forty users with 1,000 gwei each: enough for branches, extensions and shared nodes.
    private func state(_ ee: PatriciaEE) -> PatriciaState {
        ee.genesis(seed: 9, shard: shard, accountCount: 40, balance: Gwei(1_000))
    }

    private func context(balance: UInt64 = 40_000, receipts: [IncomingReceipt] = []) -> ShardContext {
        ShardContext(shard: shard, slot: Slot(3), ee: me, balance: Gwei(balance), incomingReceipts: receipts)
    }

    private func receipt(_ amount: UInt64, to account: UInt32, from ee: EEID = EEID(0)) -> Receipt {
        var payload: [UInt8] = []
        payload.append(littleEndian: account)
        return Receipt(
            id: Receipt.ID(sourceShard: ShardID(0), sourceSlot: Slot(2), index: 0), sourceEE: ee,
            destinationShard: shard, destinationEE: me, amount: Gwei(amount), payload: payload)
    }

    private func incoming(_ receipt: Receipt) -> IncomingReceipt {
        IncomingReceipt(
            sourceShard: receipt.id.sourceShard, sourceEE: receipt.sourceEE, amount: receipt.amount,
            payload: receipt.payload)
    }

    private func transfer(_ from: UInt32, _ to: UInt32, _ amount: UInt64, fault: IntentFault? = nil) -> UserIntent {
        UserIntent(from: from, destinationShard: shard, destinationEE: me, to: to, amount: Gwei(amount), fault: fault)
    }

    @Test("Transfers, sends to another shard and another EE, and a receive apply in wasm as natively")
    func validBlock() throws {
        let ee = try patricia()
        var state = state(ee)
        let incoming = receipt(500, to: 3)
        let intents = [
            transfer(0, 1, 300), transfer(0, 2, 200), transfer(5, 39, 7),
            UserIntent(from: 1, destinationShard: shard, destinationEE: EEID(0), to: 7, amount: Gwei(50)),
            UserIntent(from: 3, destinationShard: ShardID(5), destinationEE: me, to: 0, amount: Gwei(1_400)),
        ]
        let block = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [incoming], intents: intents, replayed: nil)
        let executed = try ee.execute(
            block, on: state, context: context(receipts: [self.incoming(incoming)]), runtime: runtime)
        #expect(executed.succeeded)
        #expect(executed.result.effects.results.map(\.code) == [0, 0, 0, 0, 0, 0])
        #expect(executed.result.effects.transfers.map(\.amount) == [Gwei(50), Gwei(1_400)])
        #expect(executed.result.effects.transfers.map(\.payload) == [[7, 0, 0, 0], [0, 0, 0, 0]])
        #expect(executed.result.effects.balanceAfter == Gwei(40_000 + 500 - 50 - 1_400))
        let before = ee.root(of: state)
        try ee.commit(executed, to: &state)
        #expect(ee.root(of: state) == executed.result.postStateRoot)
        #expect(ee.root(of: state) != before)
        #expect(state.accounts[0...3].map(\.balance.value) == [500, 1_250, 1_200, 100])
        #expect(state.accounts[0...3].map(\.nonce) == [2, 1, 0, 1])
        #expect(state == PatriciaState(accounts: state.accounts))
        #expect(executed.result.gasUsed > 0)
    }

    @Test(
        "Each rejection is reported with its reason and leaves the root unchanged",
        arguments: [IntentFault.badSignature, .replayedNonce, .overdraft])
    func rejection(fault: IntentFault) throws {
        let ee = try patricia()
        var state = state(ee)
        // Give user 4 a nonce, so a replayed nonce is an old one.
        let first = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [transfer(4, 6, 1)], replayed: nil)
        try ee.commit(try ee.execute(first, on: state, context: context(), runtime: runtime), to: &state)
        let before = ee.root(of: state)
        let block = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [transfer(4, 6, 10, fault: fault)],
            replayed: nil)
        let executed = try ee.execute(block, on: state, context: context(), runtime: runtime)
        #expect(executed.succeeded)
        let expected: OperationResult =
            switch fault {
            case .badSignature: .badSignature
            case .replayedNonce: .badNonce
            case .overdraft: .insufficientBalance
            }
        #expect(executed.result.effects.results.map { ee.operationResult(code: $0.code) } == [expected])
        #expect(executed.result.postStateRoot == before)
    }

    @Test("A replayed receipt is rejected and leaves the root unchanged")
    func replayedReceipt() throws {
        let ee = try patricia()
        let state = state(ee)
        let old = receipt(10, to: 1)
        let block = ee.block(on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [], replayed: old)
        var replayed = incoming(old)
        replayed.alreadyProcessed = true
        let executed = try ee.execute(block, on: state, context: context(receipts: [replayed]), runtime: runtime)
        #expect(executed.result.effects.results.map { ee.operationResult(code: $0.code) } == [.badReceipt])
        #expect(executed.result.postStateRoot == ee.root(of: state))
        #expect(executed.result.effects.claimedReceipts.isEmpty)
    }

    @Test("A forged witness, a receipt claimed for another account, or another shard's block fails and keeps the root")
    func failures() throws {
        let ee = try patricia()
        let state = state(ee)
        var forged = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [transfer(0, 1, 1)], replayed: nil)
        ee.forgeWitness(&forged)
        // A branch's unfollowed child hash changed: the branch no longer hashes to its reference.
        var forgedSibling = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [transfer(0, 1, 1)], replayed: nil)
        forgedSibling.witness.nodes[0].rlp[10] ^= 1
        let redirected = receipt(10, to: 1)
        var misdirected = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [redirected], intents: [], replayed: nil)
        misdirected.transactions = [.receive(TokenReceive(receiptIndex: 0, to: 2))]
        misdirected = state.block(shard: shard, transactions: misdirected.transactions)
        var elsewhere = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [transfer(0, 1, 1)], replayed: nil)
        elsewhere.shard = ShardID(3)
        let cases: [(PatriciaBlock, [IncomingReceipt])] = [
            (forged, []), (forgedSibling, []), (misdirected, [incoming(redirected)]), (elsewhere, []),
        ]
        for (block, receipts) in cases {
            let executed = try ee.execute(block, on: state, context: context(receipts: receipts), runtime: runtime)
            #expect(!executed.succeeded)
            #expect(!executed.reference.succeeded)
            #expect(executed.result.postStateRoot == ee.root(of: state))
        }
        let forgedOutcome = PatriciaReference.apply(
            blockData: forged.encoded, preStateRoot: ee.root(of: state), context: context())
        #expect(forgedOutcome.failure?.isBadWitness == true)
    }

    @Test("A transaction naming an account the witness does not carry is malformed; an empty witness proves nothing")
    func missingAccount() throws {
        let ee = try patricia()
        let state = state(ee)
        var block = ee.block(
            on: state, ee: me, shard: shard, seed: 9, receipts: [], intents: [transfer(0, 1, 1)], replayed: nil)
        block.witness = PatriciaWitness(nodes: [])
        let executed = try ee.execute(block, on: state, context: context(), runtime: runtime)
        #expect(executed.succeeded)
        #expect(executed.result.effects.results.map { ee.operationResult(code: $0.code) } == [.malformed])
        #expect(executed.result.postStateRoot == ee.root(of: state))
    }

    @Test("A state survives encoding, and is a workload EE in the registry")
    func registry() throws {
        let ee = try patricia()
        let state = state(ee)
        let data = try JSONEncoder().encode(state)
        let decoded = try JSONDecoder().decode(PatriciaState.self, from: data)
        #expect(decoded == state)
        #expect(decoded.accounts == state.accounts)
        #expect(ee.state(from: ee.accounts(of: state)) == state)
        #expect(SimulatedEEs.workload(named: "patricia", module: try #require(Self.module)) is PatriciaEE)
    }
}
