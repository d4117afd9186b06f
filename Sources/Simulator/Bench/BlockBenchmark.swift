import Beacon
import Foundation
import Shard

/// The token-block benchmark, behind `shardsim bench block`: how far above its signatures one stateless token block
/// costs when executed in wasm, as the simulator executes it.
///
/// One block of `transactions` signed transfers over `accounts` accounts (``BlockBenchmarkFixture``) is built once;
/// then every round times, in the same process and in a rotating order:
///
/// - the block executed by the shipped token EE under ``EERuntime`` (a fresh store and instance per run, as the
///   simulator does), and the same for an empty block, which is the fixed cost of an execution;
/// - the **native floor**: one `Secp256k1.recoverPublicKey` per transfer, on the very message hashes and signatures
///   the EE hands to its `secp256k1_recover` host call — no block can be checked for less;
/// - the native reference (``TokenReference/apply(blockData:preStateRoot:context:)``), and of it the witness's pre-
///   and post-root hashing alone (``TokenWitness/roots(depth:updated:)``);
/// - what a state provider spends producing the block outside the EE: deriving keys and signing every transfer, and
///   building the multiproof and encoding the block.
///
/// Before timing, the wasm execution must succeed with every transfer applied and the native reference's root and
/// effects, and the floor must recover every signer; otherwise the benchmark throws instead of reporting numbers.
package struct BlockBenchmark: Sendable {
    /// Signed transfers in the block.
    package var transactions: Int = 70
    /// Accounts in the tree (all funded at genesis).
    package var accounts: Int = 5_000
    /// Timed rounds; the report gives the best and the median. One untimed warm-up round comes first.
    package var repeats: Int = 20
    /// The seed of the users' keys and of the drawing of senders, recipients and amounts.
    package var seed: UInt64 = 1
    /// The shipped EE to execute (see ``BuiltinEEs``).
    package var eeName: String = "token"

    /// Creates a benchmark with the default settings: the 2019 reference block of 70 transfers over 5,000 accounts.
    package init() {}

    /// Whether the settings can be run, or why not.
    package var problem: String? {
        if transactions < 1 { return "the block needs at least 1 transaction, got \(transactions)" }
        if accounts < 2 * transactions {
            return "\(transactions) transfers between distinct accounts need at least \(2 * transactions) accounts, "
                + "got \(accounts)"
        }
        if accounts > 1 << TokenTree.maxDepth { return "at most 2^\(TokenTree.maxDepth) accounts, got \(accounts)" }
        if repeats < 1 { return "at least 1 timed round is needed, got \(repeats)" }
        if !Self.supportedEEs.contains(eeName) {
            return "--ee must be \(Self.supportedEEs.joined(separator: " or ")), got \(eeName)"
        }
        return nil
    }

    /// The EEs whose block this benchmark builds: the binary, sparse and Patricia token EEs.
    package static let supportedEEs = ["token", "sparse", "patricia"]

    /// Builds the block, checks that the EE and the reference agree, times every measurement and returns the
    /// report; `progress` receives a line before each phase.
    package func run(progress: (String) -> Void = { _ in }) throws(BlockBenchmarkError) -> BlockBenchmarkReport {
        if let problem { throw .invalidSettings(problem) }
        let module: EEModule
        do {
            module = try BuiltinEEs.load(eeName)
        } catch {
            throw .cannotLoadEE(error.description)
        }
        if eeName == "patricia" {
            return try PatriciaBlockBenchmark(settings: self, module: module).run(progress: progress)
        }
        if eeName == "sparse" {
            return try SparseBlockBenchmark(settings: self, module: module).run(progress: progress)
        }
        progress("building the genesis tree of \(accounts) accounts and a block of \(transactions) transfers")
        let fixture = BlockBenchmarkFixture(transactions: transactions, accounts: accounts, seed: seed)
        let runtime = EERuntime()
        let preStateRoot = fixture.tree.root

        progress("checking the EE against the native reference")
        let result = runtime.execute(
            module, preStateRoot: preStateRoot, blockData: fixture.data, context: fixture.context)
        let reference = TokenReference.apply(
            blockData: fixture.data, preStateRoot: preStateRoot, context: fixture.context)
        try TokenBlockAgreement.check(result, reference, transactions: transactions)
        try checkSigners(fixture)
        let emptyData = fixture.emptyBlockData
        let empty = runtime.execute(module, preStateRoot: preStateRoot, blockData: emptyData, context: fixture.context)
        try TokenBlockAgreement.checkEmpty(empty)
        let updatedAccounts = reference.accounts.map(\.account)

        // Each measurement returns a checksum of its work, so that nothing timed can be optimized away.
        let measurements: [(BlockBenchmarkReport.Measurement, () -> UInt64)] = [
            (
                .wasmBlock,
                {
                    let result = runtime.execute(
                        module, preStateRoot: preStateRoot, blockData: fixture.data, context: fixture.context)
                    return result.gasUsed
                }
            ),
            (
                .nativeFloor,
                {
                    var checksum: UInt64 = 0
                    for (message, transfer) in zip(fixture.messageHashes, fixture.transfers) {
                        let key = Secp256k1.recoverPublicKey(messageHash: message, signature65: transfer.signature)
                        checksum &+= UInt64(key?[0] ?? 0)
                    }
                    return checksum
                }
            ),
            (
                .nativeReference,
                {
                    let outcome = TokenReference.apply(
                        blockData: fixture.data, preStateRoot: preStateRoot, context: fixture.context)
                    return UInt64(outcome.accounts.count)
                }
            ),
            (
                .witnessRoots,
                {
                    let roots = try? fixture.block.witness.roots(depth: fixture.block.depth, updated: updatedAccounts)
                    return UInt64(roots?.post.bytes[0] ?? 0)
                }
            ),
            (
                .wasmEmptyBlock,
                {
                    runtime.execute(module, preStateRoot: preStateRoot, blockData: emptyData, context: fixture.context)
                        .gasUsed
                }
            ),
            (
                .signing,
                {
                    var checksum: UInt64 = 0
                    let shard = BlockBenchmarkFixture.shard
                    for transfer in fixture.transfers {
                        let key = TokenSigning.privateKey(seed: seed, shard: shard, account: transfer.from)
                        checksum &+= UInt64(transfer.signed(with: key, shard: shard).signature[0])
                    }
                    return checksum
                }
            ),
            (
                .witnessBuilding,
                {
                    let block = fixture.tree.block(
                        shard: BlockBenchmarkFixture.shard, transactions: fixture.transfers.map { .transfer($0) })
                    return UInt64(block.encoded.count)
                }
            ),
        ]

        let timings = BenchmarkRounds.time(measurements, repeats: repeats, progress: progress)

        let witness = fixture.block.witness
        return BlockBenchmarkReport(
            benchmark: self,
            depth: fixture.tree.depth,
            touchedAccounts: fixture.touchedAccounts,
            eeCodeBytes: module.code.count,
            eeCodeHash: module.codeHash,
            gasUsed: result.gasUsed,
            emptyBlockGasUsed: empty.gasUsed,
            blockBytes: fixture.data.count,
            transactionBytes: fixture.transactionBytes,
            witnessBytes: witness.byteCount,
            witnessLeaves: witness.leaves.count,
            witnessHashes: witness.hashes.count,
            preStateRoot: preStateRoot,
            eeRoot: result.postStateRoot,
            referenceRoot: reference.postStateRoot,
            timings: timings
        )
    }

    /// The EE must succeed, apply every transfer and agree with the reference; the floor must recover every signer.
    /// Throws unless every transfer's signature recovers the address of its sender (what the native floor times).
    private func checkSigners(_ fixture: BlockBenchmarkFixture) throws(BlockBenchmarkError) {
        for (i, (message, transfer)) in zip(fixture.messageHashes, fixture.transfers).enumerated() {
            let key = Secp256k1.recoverPublicKey(messageHash: message, signature65: transfer.signature)
            guard let key, Secp256k1.address(publicKey: key) == fixture.signers[i] else {
                throw .mismatch("transfer \(i)'s signature does not recover its sender")
            }
        }
    }

    /// CPU time of the calling thread: unlike wall time, it does not count time the thread waited for a core, so it
    /// stays meaningful on a machine busy with other work.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// Why ``BlockBenchmark/run(progress:)`` could not produce numbers.
package enum BlockBenchmarkError: Error, CustomStringConvertible {
    case invalidSettings(String)
    case cannotLoadEE(String)
    case eeFailed(String)
    case mismatch(String)

    package var description: String {
        switch self {
        case .invalidSettings(let text): "invalid settings: \(text)"
        case .cannotLoadEE(let text): text
        case .eeFailed(let text): "the benchmark block does not execute: \(text)"
        case .mismatch(let text): "the EE and the native reference disagree: \(text)"
        }
    }
}
