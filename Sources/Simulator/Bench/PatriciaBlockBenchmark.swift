import Beacon
import Foundation
import Shard

/// `shardsim bench block --ee patricia`: the same block as ``BlockBenchmark`` — `transactions` signed transfers
/// between distinct accounts of a genesis state of `accounts` users, drawn with the same seed — for the Patricia token
/// EE, whose accounts sit in a hexary Merkle Patricia trie. The same rows are timed the same way, and the report
/// gives the trie multiproof's node counts beside Vitalik's estimate `k · (512 · log₁₆(N / k) + 112)` bytes.
struct PatriciaBlockBenchmark {
    let settings: BlockBenchmark
    let module: EEModule

    func run(progress: (String) -> Void) throws(BlockBenchmarkError) -> BlockBenchmarkReport {
        let (transactions, accounts, seed) = (settings.transactions, settings.accounts, settings.seed)
        let shard = BlockBenchmarkFixture.shard
        progress("building the genesis trie of \(accounts) accounts and a block of \(transactions) transfers")
        let state = PatriciaState.genesis(
            seed: seed, shard: shard, accountCount: accounts, balance: BlockBenchmarkFixture.genesisBalance)
        var transfers: [TokenTransfer] = []
        var messageHashes: [[UInt8]] = []
        for transfer in BlockBenchmarkFixture.drawTransfers(transactions: transactions, accounts: accounts, seed: seed)
        {
            let key = PatriciaSigning.privateKey(seed: seed, shard: shard, account: transfer.from)
            guard
                case .transfer(let signed) = PatriciaSigning.signed(.transfer(transfer), shard: shard, privateKey: key)
            else { throw .mismatch("a transfer signed as another kind") }
            transfers.append(signed)
            messageHashes.append(PatriciaSigning.messageHash(signed.signedBytes, shard: shard))
        }
        let block = state.block(shard: shard, transactions: transfers.map { .transfer($0) })
        let data = block.encoded
        let context = ShardContext(shard: shard, slot: Slot(0), ee: EEID(0), balance: .zero)
        let runtime = EERuntime()
        let preStateRoot = state.root

        progress("checking the EE against the native reference")
        let result = runtime.execute(module, preStateRoot: preStateRoot, blockData: data, context: context)
        let reference = PatriciaReference.apply(blockData: data, preStateRoot: preStateRoot, context: context)
        try TokenBlockAgreement.check(result, reference, transactions: transactions)
        let emptyData = PatriciaBlock(shard: shard, transactions: [], witness: PatriciaWitness(nodes: [])).encoded
        let empty = runtime.execute(module, preStateRoot: preStateRoot, blockData: emptyData, context: context)
        try TokenBlockAgreement.checkEmpty(empty)
        guard let proof = try? PatriciaProof.read(data, at: data.count - block.witness.byteCount) else {
            throw .mismatch("the block's witness does not read back")
        }
        let updated = reference.accounts

        let measurements: [(BlockBenchmarkReport.Measurement, () -> UInt64)] = [
            (
                .wasmBlock,
                { runtime.execute(module, preStateRoot: preStateRoot, blockData: data, context: context).gasUsed }
            ),
            (
                .nativeFloor,
                {
                    zip(messageHashes, transfers).reduce(0) { sum, pair in
                        sum
                            &+ UInt64(
                                Secp256k1.recoverPublicKey(messageHash: pair.0, signature65: pair.1.signature)?[0] ?? 0)
                    }
                }
            ),
            (
                .nativeReference,
                {
                    UInt64(
                        PatriciaReference.apply(blockData: data, preStateRoot: preStateRoot, context: context).accounts
                            .count)
                }
            ),
            (.witnessRoots, { UInt64(proof.roots(in: data, updated: updated)?.post[0] ?? 0) }),
            (
                .wasmEmptyBlock,
                { runtime.execute(module, preStateRoot: preStateRoot, blockData: emptyData, context: context).gasUsed }
            ),
            (
                .signing,
                {
                    transfers.reduce(0) { sum, transfer in
                        let key = PatriciaSigning.privateKey(seed: seed, shard: shard, account: transfer.from)
                        return sum
                            &+ UInt64(PatriciaSigning.sign(transfer.signedBytes, shard: shard, privateKey: key)[0])
                    }
                }
            ),
            (
                .witnessBuilding,
                { UInt64(state.block(shard: shard, transactions: transfers.map { .transfer($0) }).encoded.count) }
            ),
        ]
        let timings = BenchmarkRounds.time(measurements, repeats: settings.repeats, progress: progress)

        let shape = PatriciaWitnessShape(block.witness, proof: proof)
        let k = proof.leaves.count
        let estimate = AccumulatorBenchmark.hexaryEstimate(touched: k, accounts: accounts)
        var report = BlockBenchmarkReport(
            benchmark: settings, depth: shape.deepestLeaf, touchedAccounts: k, eeCodeBytes: module.code.count,
            eeCodeHash: module.codeHash, gasUsed: result.gasUsed, emptyBlockGasUsed: empty.gasUsed,
            blockBytes: data.count, transactionBytes: transfers.count * 90, witnessBytes: block.witness.byteCount,
            witnessLeaves: k, witnessHashes: block.witness.nodes.count, preStateRoot: preStateRoot,
            eeRoot: result.postStateRoot, referenceRoot: reference.postStateRoot,
            timings: timings)
        report.referenceName = "PatriciaReference.apply"
        report.witnessLines = [
            "witness: \(BenchmarkFormatting.grouped(block.witness.byteCount)) bytes = 4 count + "
                + "\(shape.branches) branches (\(BenchmarkFormatting.grouped(shape.branchBytes)) bytes with their masks) + "
                + "\(shape.extensions) extensions (\(BenchmarkFormatting.grouped(shape.extensionBytes))) + "
                + "\(k) leaves (\(BenchmarkFormatting.grouped(shape.leafBytes))); each node once, the deepest leaf "
                + "\(shape.deepestLeaf) nodes below the root",
            "hexary estimate k·(512·log16(N/k) + 112): k = \(k), N = \(BenchmarkFormatting.grouped(accounts)) → "
                + "\(BenchmarkFormatting.grouped(Int(estimate.rounded()))) bytes; witness / estimate = "
                + String(format: "%.2f", Double(block.witness.byteCount) / estimate) + "×",
        ]
        return report
    }
}

/// What a Patricia multiproof is made of: branch, extension and leaf nodes and their bytes, and how deep its
/// leaves sit (in nodes below the root).
struct PatriciaWitnessShape {
    var branches = 0
    var extensions = 0
    var branchBytes = 0
    var extensionBytes = 0
    var leafBytes = 0
    var deepestLeaf = 0

    init(_ witness: PatriciaWitness, proof: PatriciaProof) {
        var depth = [Int](repeating: 0, count: proof.entries.count)
        let leaves = Set(proof.leaves.map(\.entry))
        for (i, entry) in proof.entries.enumerated() {
            if entry.parent >= 0 { depth[i] = depth[entry.parent] + 1 }
            let node = witness.nodes[i]
            if node.branchMask != nil {
                branches += 1
                branchBytes += node.rlp.count + 2
            } else if leaves.contains(i) {
                leafBytes += node.rlp.count
                deepestLeaf = max(deepestLeaf, depth[i])
            } else {
                extensions += 1
                extensionBytes += node.rlp.count
            }
        }
    }
}
