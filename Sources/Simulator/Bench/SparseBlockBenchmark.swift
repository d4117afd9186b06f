import Beacon
import Foundation
import Shard

/// `shardsim bench block --ee sparse`: the same block as ``BlockBenchmark`` — `transactions` signed transfers between
/// distinct accounts of a genesis state of `accounts` users, drawn with the same seed — for the sparse token EE, whose
/// accounts sit in a 256-level sparse Merkle tree keyed by `keccak256(address)`. The same rows are timed the same
/// way, and the report gives the compressed multiproof's hashes beside the exact expectation for `k` of `N` random
/// keys (``SparseMultiproofExpectation``).
///
/// A sparse block of 140 touched accounts needs more gas than a simulation's default 10 M per execution, so the EE
/// runs under the accumulator bench's limits (``AccumulatorBenchmark/limits``).
struct SparseBlockBenchmark {
    let settings: BlockBenchmark
    let module: EEModule

    func run(progress: (String) -> Void) throws(BlockBenchmarkError) -> BlockBenchmarkReport {
        let (transactions, accounts, seed) = (settings.transactions, settings.accounts, settings.seed)
        let shard = BlockBenchmarkFixture.shard
        progress("building the genesis tree of \(accounts) accounts and a block of \(transactions) transfers")
        let tree = SparseTree.genesis(
            seed: seed, shard: shard, accountCount: accounts, balance: BlockBenchmarkFixture.genesisBalance)
        let tag = SparseSigning.domainTag
        let transfers = BlockBenchmarkFixture.drawTransfers(transactions: transactions, accounts: accounts, seed: seed)
            .map { transfer in
                transfer.signed(
                    with: TokenSigning.privateKey(seed: seed, shard: shard, account: transfer.from), shard: shard,
                    domainTag: tag)
            }
        let messageHashes = transfers.map { TokenSigning.messageHash($0.signedBytes, shard: shard, domainTag: tag) }
        let block = tree.block(shard: shard, transactions: transfers.map { .transfer($0) })
        let data = block.encoded
        let context = ShardContext(shard: shard, slot: Slot(0), ee: EEID(0), balance: .zero)
        let runtime = EERuntime(limits: AccumulatorBenchmark.limits)
        let preStateRoot = tree.root

        progress("checking the EE against the native reference")
        let result = runtime.execute(module, preStateRoot: preStateRoot, blockData: data, context: context)
        let reference = SparseReference.apply(blockData: data, preStateRoot: preStateRoot, context: context)
        try TokenBlockAgreement.check(result, reference, transactions: transactions)
        let emptyData = SparseBlock(
            shard: shard, transactions: [], witness: SparseWitness(leaves: [], emptySiblings: [], hashes: [])
        ).encoded
        let empty = runtime.execute(module, preStateRoot: preStateRoot, blockData: emptyData, context: context)
        try TokenBlockAgreement.checkEmpty(empty)
        let updated = reference.accounts.map(\.account)

        let timings = BenchmarkRounds.time(
            [
                (
                    .wasmBlock,
                    { runtime.execute(module, preStateRoot: preStateRoot, blockData: data, context: context).gasUsed }
                ),
                (
                    .nativeFloor,
                    {
                        zip(messageHashes, transfers).reduce(0) { sum, pair in
                            let key = Secp256k1.recoverPublicKey(messageHash: pair.0, signature65: pair.1.signature)
                            return sum &+ UInt64(key?[0] ?? 0)
                        }
                    }
                ),
                (
                    .nativeReference,
                    {
                        UInt64(
                            SparseReference.apply(blockData: data, preStateRoot: preStateRoot, context: context)
                                .accounts.count)
                    }
                ),
                (.witnessRoots, { UInt64((try? block.witness.roots(updated: updated))??.post.bytes[0] ?? 0) }),
                (
                    .wasmEmptyBlock,
                    {
                        runtime.execute(module, preStateRoot: preStateRoot, blockData: emptyData, context: context)
                            .gasUsed
                    }
                ),
                (
                    .signing,
                    {
                        transfers.reduce(0) { sum, transfer in
                            let key = TokenSigning.privateKey(seed: seed, shard: shard, account: transfer.from)
                            return sum
                                &+ UInt64(
                                    TokenSigning.sign(
                                        transfer.signedBytes, shard: shard, privateKey: key, domainTag: tag)[0])
                        }
                    }
                ),
                (
                    .witnessBuilding,
                    { UInt64(tree.block(shard: shard, transactions: transfers.map { .transfer($0) }).encoded.count) }
                ),
            ], repeats: settings.repeats, progress: progress)

        let witness = block.witness
        let k = witness.leaves.count
        let expected = SparseMultiproofExpectation.expectedWitnessBytes(leaves: k, live: accounts)
        var report = BlockBenchmarkReport(
            benchmark: settings, depth: SparseNodes.height, touchedAccounts: k, eeCodeBytes: module.code.count,
            eeCodeHash: module.codeHash, gasUsed: result.gasUsed, emptyBlockGasUsed: empty.gasUsed,
            blockBytes: data.count, transactionBytes: data.count - SparseBlock.headerByteCount - witness.byteCount,
            witnessBytes: witness.byteCount, witnessLeaves: k, witnessHashes: witness.hashes.count,
            preStateRoot: preStateRoot, eeRoot: result.postStateRoot, referenceRoot: reference.postStateRoot,
            timings: timings)
        report.referenceName = "SparseReference.apply"
        let bytes = BenchmarkFormatting.grouped(witness.byteCount)
        let siblings = BenchmarkFormatting.grouped(witness.emptySiblings.count)
        let hashes = BenchmarkFormatting.grouped(witness.hashes.count)
        let expectedBytes = BenchmarkFormatting.grouped(Int(expected.rounded()))
        let ratio = String(format: "%.3f", Double(witness.byteCount) / expected)
        report.witnessLines = [
            "witness: \(bytes) bytes = 8 (counts) + \(k) leaves × 40 + a bitmap of \(siblings) siblings + "
                + "\(hashes) non-empty sibling hashes × 32 (Documentation/SparseTokenEE.md)",
            "exact expectation for \(k) of \(BenchmarkFormatting.grouped(accounts)) random keys: \(expectedBytes) "
                + "bytes; witness / expected = \(ratio)",
        ]
        return report
    }
}
