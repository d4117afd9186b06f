import Beacon
import Foundation
import Testing

@testable import Shard

/// `sparse.wasm` under the runtime gives the same post-state root, per-transaction results, cross-shard sends,
/// claims and EE balance as ``SparseReference``, for valid blocks and every rejection and failure; a rejected
/// operation leaves the root where it was.
///
/// Blocks stay tiny: debug-built WasmKit is about 100× slower than release, and every account costs 256 levels.
@Suite struct SparseEETests {
    static let module: EEModule? = try? BuiltinEEs.load("sparse")
    static let seed: UInt64 = 42
    static let ee = EEID(3)
    let runtime = EERuntime()
    let shard = ShardID(2)

    private func sparse() throws -> SparseEE { SparseEE(module: try #require(Self.module)) }

    /// Six users with 1,000 gwei each.
    private func state(_ ee: SparseEE) -> SparseTree {
        ee.genesis(seed: Self.seed, shard: shard, accountCount: 6, balance: Gwei(1_000))
    }

    private func context(balance: UInt64 = 1_000_000, receipts: [IncomingReceipt] = []) -> ShardContext {
        ShardContext(shard: shard, slot: Slot(5), ee: Self.ee, balance: Gwei(balance), incomingReceipts: receipts)
    }

    private func key(_ account: UInt32) -> [UInt8] {
        TokenSigning.privateKey(seed: Self.seed, shard: shard, account: account)
    }

    private func transfer(
        _ from: UInt32, _ to: UInt32, _ amount: UInt64, nonce: UInt64 = 0, signer: UInt32? = nil,
        domainTag: [UInt8] = SparseSigning.domainTag
    ) -> TokenTransaction {
        .transfer(
            TokenTransfer(from: from, to: to, amount: Gwei(amount), nonce: nonce)
                .signed(with: key(signer ?? from), shard: shard, domainTag: domainTag))
    }

    private func send(_ from: UInt32, to account: UInt32, onShard destination: UInt16, ee: EEID, _ amount: UInt64)
        -> TokenTransaction
    {
        .send(
            TokenSend(
                from: from, destinationShard: ShardID(destination), destinationEE: ee, destinationAccount: account,
                amount: Gwei(amount), nonce: 0
            ).signed(with: key(from), shard: shard, domainTag: SparseSigning.domainTag))
    }

    private static func receipt(for account: UInt32, _ amount: UInt64, processed: Bool = false) -> IncomingReceipt {
        var payload: [UInt8] = []
        payload.append(littleEndian: account)
        return IncomingReceipt(
            sourceShard: ShardID(9), sourceEE: EEID(0), amount: Gwei(amount), payload: payload,
            alreadyProcessed: processed)
    }

    /// Runs `data` in wasm and natively; both must agree. Returns the wasm's result.
    private func run(_ data: [UInt8], on state: SparseTree, context: ShardContext) throws -> ExecutionResult {
        let module = try #require(Self.module, "Sources/Shard/Resources/EEs/sparse.wasm loads")
        let expected = SparseReference.apply(blockData: data, preStateRoot: state.root, context: context)
        let result = runtime.execute(module, preStateRoot: state.root, blockData: data, context: context)
        #expect(result.succeeded == expected.succeeded, "\(result.failure.map(String.init(describing:)) ?? "success")")
        #expect(result.postStateRoot == expected.postStateRoot)
        #expect(result.effects == expected.effects)
        return result
    }

    @Test("Transfers, a send to another EE and a receive apply in wasm as natively, and the tree follows")
    func validBlock() throws {
        let ee = try sparse()
        var state = state(ee)
        let receipts = [Self.receipt(for: 5, 40)]
        let block = state.block(
            shard: shard,
            transactions: [
                transfer(1, 4, 300), transfer(2, 2, 5), send(3, to: 77, onShard: 5, ee: EEID(0), 250),
                .receive(TokenReceive(receiptIndex: 0, to: 5)),
            ])
        let result = try run(block.encoded, on: state, context: context(receipts: receipts))
        #expect(result.effects.results.map(\.code) == [0, 0, 0, 0])
        #expect(result.effects.transfers.map(\.amount) == [Gwei(250)])
        #expect(result.effects.claimedReceipts == [0])
        let outcome = SparseReference.apply(
            block: block, preStateRoot: state.root, context: context(receipts: receipts))
        state.apply(outcome)
        #expect(state.root == result.postStateRoot)
        #expect(state.accounts.map(\.balance.value) == [1_000, 700, 1_000, 750, 1_300, 1_040])
        #expect(state.accounts.map(\.nonce) == [0, 1, 1, 1, 0, 0])
    }

    /// A block whose only operation is rejected with `result` keeps the root: every rejection path.
    @Test(
        "Each rejection is reported with its reason and leaves the root unchanged",
        arguments: [
            "bad signature", "token EE's signature", "replayed nonce", "overdraft", "replayed receipt",
            "unknown account", "send the EE's ETH cannot cover",
        ])
    func rejection(_ name: String) throws {
        let ee = try sparse()
        let state = state(ee)
        var receipts: [IncomingReceipt] = []
        var balance: UInt64 = 1_000_000
        let operation: TokenTransaction
        let expected: TokenResultCode
        switch name {
        case "bad signature": (operation, expected) = (transfer(1, 4, 300, signer: 2), .badSignature)
        case "token EE's signature":
            (operation, expected) = (transfer(1, 4, 300, domainTag: TokenSigning.domainTag), .badSignature)
        case "replayed nonce": (operation, expected) = (transfer(1, 4, 300, nonce: 1), .badNonce)
        case "overdraft": (operation, expected) = (transfer(1, 4, 1_001), .insufficientBalance)
        case "replayed receipt":
            receipts = [Self.receipt(for: 2, 40, processed: true)]
            (operation, expected) = (.receive(TokenReceive(receiptIndex: 0, to: 2)), .badReceipt)
        case "unknown account": (operation, expected) = (transfer(1, 9, 1), .malformed)
        default:
            balance = 10
            (operation, expected) = (send(3, to: 1, onShard: 6, ee: EEID(0), 60), .insufficientBalance)
        }
        let block = state.block(shard: shard, transactions: [operation])
        let result = try run(block.encoded, on: state, context: context(balance: balance, receipts: receipts))
        #expect(result.succeeded)
        #expect(result.effects.results.map(\.code) == [expected.rawValue])
        #expect(result.postStateRoot == state.root)
        #expect(result.effects.transfers.isEmpty && result.effects.claimedReceipts.isEmpty)
    }

    @Test(
        "A forged or malformed witness, a misdirected receipt or another shard's block fails the whole block",
        arguments: [
            "forged balance", "forged hash", "flipped bitmap bit", "missing sibling", "keys out of order",
            "misdirected receipt", "another shard", "truncated", "reserved byte",
        ])
    func failure(_ name: String) throws {
        let ee = try sparse()
        let state = state(ee)
        var block = state.block(shard: shard, transactions: [transfer(1, 4, 300), transfer(0, 3, 1)])
        var context = context()
        var data: [UInt8]? = nil
        switch name {
        case "forged balance": ee.forgeWitness(&block)
        case "forged hash": block.witness.hashes[0] = .zero
        case "flipped bitmap bit":
            let first = try #require(block.witness.emptySiblings.firstIndex(of: true))
            block.witness.emptySiblings[first] = false
            // Sent explicitly, the empty subtree's own hash would prove the same root; any other hash does not.
            let before = block.witness.emptySiblings[..<first].count { !$0 }
            block.witness.hashes.insert(SparseNodes.empty[first == 0 ? 1 : 0], at: before)
        case "missing sibling": block.witness.emptySiblings.removeLast()
        case "keys out of order": block.witness.leaves.swapAt(0, 1)
        case "misdirected receipt":
            context = self.context(receipts: [Self.receipt(for: 2, 40)])
            block = state.block(shard: shard, transactions: [.receive(TokenReceive(receiptIndex: 0, to: 3))])
        case "another shard": context.shard = ShardID(0)
        case "truncated": data = Array(block.encoded.dropLast())
        default:
            data = block.encoded
            data?[1] = 1
        }
        let result = try run(data ?? block.encoded, on: state, context: context)
        #expect(!result.succeeded)
        #expect(result.postStateRoot == state.root)
    }

    @Test("An empty block changes nothing; the EE is a workload EE in the registry")
    func emptyBlockAndRegistry() throws {
        let ee = try sparse()
        let state = state(ee)
        let result = try run(state.block(shard: shard, transactions: []).encoded, on: state, context: context())
        #expect(result.succeeded && result.postStateRoot == state.root)
        #expect(SimulatedEEs.workload(named: "sparse", module: try #require(Self.module)) is SparseEE)
    }

    @Test("Intents become a block the pipeline executes and checks: faults rejected, the state follows")
    func intents() throws {
        let ee = try sparse()
        var state = state(ee)
        func intent(_ from: UInt32, _ to: UInt32, _ fault: IntentFault? = nil) -> UserIntent {
            UserIntent(
                from: from, destinationShard: shard, destinationEE: Self.ee, to: to, amount: Gwei(10), fault: fault)
        }
        let incoming = Receipt(
            id: Receipt.ID(sourceShard: ShardID(0), sourceSlot: Slot(2), index: 0), sourceEE: EEID(0),
            destinationShard: shard, destinationEE: Self.ee, amount: Gwei(5), payload: [1, 0, 0, 0])
        let block = ee.block(
            on: state, ee: Self.ee, shard: shard, seed: Self.seed, receipts: [incoming],
            intents: [
                intent(0, 1), intent(2, 1, .badSignature), intent(2, 1, .replayedNonce), intent(2, 1, .overdraft),
            ],
            replayed: nil)
        let context = context(
            receipts: [
                IncomingReceipt(sourceShard: ShardID(0), sourceEE: EEID(0), amount: Gwei(5), payload: [1, 0, 0, 0])
            ])
        let executed = try ee.execute(block, on: state, context: context, runtime: runtime)
        #expect(
            executed.result.effects.results.map { ee.operationResult(code: $0.code) } == [
                .applied, .applied, .badSignature, .badNonce, .insufficientBalance,
            ])
        try ee.commit(executed, to: &state)
        #expect(ee.root(of: state) == executed.result.postStateRoot)
        #expect(state.accounts[1].balance == Gwei(1_015))
    }
}
