import Beacon
import Testing

@testable import Shard

/// `fee_market.wasm` settles a block's look-back entries exactly as the native ``FeeMarketReference`` does: the
/// same post-state root, result per entry, ETH burned and paid; rejected entries leave the rest of the block alone,
/// and malformed calls fail only the execution.
///
/// Blocks stay tiny: debug-built WasmKit is about 100× slower than release.
@Suite struct FeeMarketEETests {
    static let module: EEModule? = try? BuiltinEEs.load("fee_market")
    let runtime = EERuntime()
    let shard = ShardID(3)

    /// Three relayers: 1,000,000, 60,000 and 5,000,000 gwei of deposit.
    var tree: TokenTree {
        var tree = TokenTree.relayers(seed: 7, shard: shard, relayerCount: 3, deposit: Gwei(1_000_000))
        var poor = tree.account(at: 1)
        poor.balance = Gwei(60_000)
        tree.setAccount(poor, at: 1)
        var rich = tree.account(at: 2)
        rich.balance = Gwei(5_000_000)
        tree.setAccount(rich, at: 2)
        return tree
    }

    func entry(_ relayer: UInt32, gas: UInt64 = 1_000, cap: UInt64 = 40, priority: UInt64 = 3) -> LookBackEntry {
        LookBackEntry(
            transactionHash: Root(bytes: Keccak256.hash([UInt8(relayer), UInt8(truncatingIfNeeded: gas)]))!,
            relayer: relayer, gas: gas, maxFeePerGas: WeiPerGas(gwei: cap)!,
            priorityFeePerGas: WeiPerGas(gwei: priority)!)
    }

    /// Runs the wasm and the reference on the same block and checks they agree; returns both.
    func settle(
        _ entries: [LookBackEntry], baseFee: UInt64 = 20, baseFeeWei: UInt64? = nil, data: [UInt8]? = nil,
        shard runShard: ShardID? = nil
    ) throws -> (ExecutionResult, FeeMarketOutcome) {
        let module = try #require(Self.module)
        let tree = self.tree
        let block = tree.feeMarketBlock(shard: shard, entries: entries)
        let balance = tree.accounts.reduce(Gwei.zero) { $0 + $1.balance }
        var context = ShardContext(shard: runShard ?? shard, slot: Slot(5), ee: EEID(1), balance: balance)
        let baseFee = baseFeeWei.map { WeiPerGas(wei: $0) } ?? WeiPerGas(gwei: baseFee)!
        context.baseFeePerGas = baseFee
        context.lookBack = entries
        let result = runtime.execute(
            module, preStateRoot: tree.root, blockData: data ?? block.encoded, context: context)
        let reference = FeeMarketReference.apply(
            block: block, preStateRoot: tree.root, baseFee: baseFee, entries: entries, balance: balance)
        if data == nil && runShard == nil {
            #expect(result.succeeded == reference.succeeded)
            #expect(result.effects == reference.effects)
            #expect(result.postStateRoot == reference.postStateRoot)
            #expect(result.effects.results.map(\.code) == reference.results.map(\.rawValue))
            #expect(result.effects.burned == reference.burned)
            #expect(result.effects.paidToProposer == reference.paidToProposer)
            let prepaid = reference.prepaid.reduce(Gwei.zero, +)
            #expect(result.effects.balanceAfter == balance - reference.burned - reference.paidToProposer - prepaid)
        }
        return (result, reference)
    }

    @Test("Every entry settles: the base fee is burned, the tip paid, the deposits debited")
    func settlesEveryEntry() throws {
        // Tips: min(3, 40 − 20) = 3 and min(30, 25 − 20) = 5 gwei per gas.
        let (result, reference) = try settle([entry(0), entry(2, gas: 2_000, cap: 25, priority: 30)])
        #expect(result.failure == nil)
        #expect(reference.results == [.settled, .settled])
        #expect(reference.burned == Gwei(1_000 * 20 + 2_000 * 20))
        #expect(reference.paidToProposer == Gwei(1_000 * 3 + 2_000 * 5))
        var after = tree
        after.apply(reference)
        #expect(after.root == result.postStateRoot)
        #expect(after.account(at: 0).balance == Gwei(1_000_000 - 23_000))
        #expect(after.account(at: 0).nonce == 1)
        #expect(after.account(at: 2).balance == Gwei(5_000_000 - 50_000))
    }

    @Test("Fees per gas in wei: each amount is gas × price rounded up to whole gwei, in wasm as natively")
    func settlesInWei() throws {
        // Base 10.4 gwei + 1 wei, tip min(0.3 gwei + 7 wei, cap − base): gas × price is no whole number of gwei.
        func weiEntry(_ relayer: UInt32, gas: UInt64, cap: UInt64, priority: UInt64) -> LookBackEntry {
            LookBackEntry(
                transactionHash: Root(bytes: Keccak256.hash([UInt8(relayer), 9]))!, relayer: relayer, gas: gas,
                maxFeePerGas: WeiPerGas(wei: cap), priorityFeePerGas: WeiPerGas(wei: priority))
        }
        let base: UInt64 = 10_400_000_001
        let entries = [
            weiEntry(0, gas: 5_000, cap: 40_000_000_000, priority: 300_000_007),
            weiEntry(2, gas: 1_500, cap: 10_400_000_500, priority: 300_000_007),
            weiEntry(1, gas: 3, cap: base, priority: 0),
            weiEntry(0, gas: 1 << 32 + 1, cap: base, priority: 0),
        ]
        let (result, reference) = try settle(entries, baseFeeWei: base)
        #expect(result.failure == nil)
        #expect(reference.results == [.settled, .settled, .settled, .overflow])
        // Burns: ⌈5,000 × 10,400,000,001 / 10⁹⌉ = 52,001; ⌈1,500 × …⌉ = 15,601; ⌈3 × …⌉ = 32 gwei.
        #expect(reference.burned == Gwei(52_001 + 15_601 + 32))
        // Owed: ⌈5,000 × 10,700,000,008 / 10⁹⌉ = 53,501 and ⌈1,500 × 10,400,000,500 / 10⁹⌉ = 15,601.
        #expect(reference.paidToProposer == Gwei(53_501 - 52_001))
    }

    @Test("A transaction that sent a receipt prepays its processing at its own price, in wasm as natively")
    func prepaysReceipts() throws {
        var send = entry(1)
        send.receiptGas = 1_500
        var again = entry(1)
        again.receiptGas = 1_500
        var rich = entry(2)
        rich.receiptGas = 1_500
        let (result, outcome) = try settle([send, again, entry(0), rich])
        // Relayer 1 holds 60,000 gwei: 1,000 × 23 + 1,500 × 23 = 57,500 settles the first, the second is overdrawn.
        #expect(outcome.results == [.settled, .overdrawn, .settled, .settled])
        #expect(outcome.prepaid == [Gwei(34_500), .zero, .zero, Gwei(34_500)])
        #expect(
            result.effects.prepaidReceipts == [
                PrepaidReceipt(transactionIndex: 0, amount: Gwei(34_500)),
                PrepaidReceipt(transactionIndex: 3, amount: Gwei(34_500)),
            ])
        // Prepaid fees are neither burned nor paid at the source: they leave with the receipts.
        #expect(outcome.burned == Gwei(3 * 20_000))
        #expect(outcome.paidToProposer == Gwei(3 * 3_000))
        #expect(outcome.relayers.first { $0.index == 1 }?.account.balance == Gwei(60_000 - 57_500))
    }

    @Test("A relayer whose deposit runs out: its later entries are rejected, the others still settle")
    func depositRunsOut() throws {
        // Relayer 1 holds 60,000 gwei and each entry owes 23,000: two settle, the third is overdrawn.
        let entries = [entry(1), entry(1), entry(0), entry(1), entry(2)]
        let (result, reference) = try settle(entries)
        #expect(result.failure == nil)
        #expect(reference.results == [.settled, .settled, .settled, .overdrawn, .settled])
        var after = tree
        after.apply(reference)
        #expect(after.account(at: 1).balance == Gwei(60_000 - 46_000))
        #expect(after.account(at: 1).nonce == 2)
        #expect(reference.burned == Gwei(4 * 20_000))
    }

    @Test("The look-back reads every earlier entry: underpriced, unknown-relayer and overflowing ones are rejected")
    func lookBackRejections() throws {
        let entries = [
            entry(0, cap: 19), entry(0), entry(9), entry(2, gas: .max, cap: 40), entry(0, cap: 20, priority: 0),
        ]
        let (result, reference) = try settle(entries)
        #expect(result.failure == nil)
        #expect(reference.results == [.underpriced, .settled, .noWitness, .overflow, .settled])
        #expect(result.effects.results.map(\.transactionIndex) == [0, 1, 2, 3, 4])
        // The last one pays the base fee and no tip.
        #expect(reference.paidToProposer == Gwei(3_000))
    }

    @Test("An empty block settles nothing and keeps the root")
    func emptyBlock() throws {
        let (result, reference) = try settle([])
        #expect(result.failure == nil)
        #expect(result.postStateRoot == tree.root)
        #expect(reference.results.isEmpty)
    }

    @Test(
        "A malformed fee-market block fails the execution and changes nothing",
        arguments: ["truncated", "bad version", "forged deposit", "extra proof hash"])
    func malformedBlock(_ kind: String) throws {
        let entries = [entry(0), entry(1)]
        var block = tree.feeMarketBlock(shard: shard, entries: entries)
        var data = block.encoded
        switch kind {
        case "truncated": data.removeLast(7)
        case "bad version": data[0] = 2
        case "forged deposit":
            block.witness.leaves[0].account.balance = Gwei(999_999_999)
            data = block.encoded
            // The reference, given the same forged block, fails too.
            let reference = FeeMarketReference.apply(
                block: block, preStateRoot: tree.root, baseFee: WeiPerGas(gwei: 20)!, entries: entries,
                balance: Gwei(3_000_000))
            #expect(!reference.succeeded)
        default: data += [UInt8](repeating: 1, count: 32)
        }
        let (result, _) = try settle(entries, data: data)
        #expect(result.failure != nil)
        #expect(result.postStateRoot == tree.root)
        #expect(result.effects.burned == .zero && result.effects.paidToProposer == .zero)
    }

    @Test("A block for another shard fails the execution")
    func wrongShard() throws {
        let (result, _) = try settle([entry(0)], shard: ShardID(4))
        #expect(result.failure != nil)
    }
}
