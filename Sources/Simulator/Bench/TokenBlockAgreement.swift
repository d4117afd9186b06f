import Shard

/// What the block benchmarks check before they time anything: the EE and its native reference agree on the
/// benchmark block, every transfer is applied, and the empty block runs.
enum TokenBlockAgreement {
    /// Throws unless `result` (the wasm's run of a block of `transactions` transfers) and `reference` both succeed
    /// with the same post-state root and effects, and every transfer was applied.
    static func check(
        _ result: ExecutionResult, _ reference: some TokenReferenceOutcome, transactions: Int
    ) throws(BlockBenchmarkError) {
        if let failure = result.failure { throw .eeFailed("the EE failed: \(failure)") }
        if let failure = reference.failureDescription { throw .eeFailed("the native reference failed: \(failure)") }
        guard result.postStateRoot == reference.postStateRoot else {
            throw .mismatch(
                "the EE's post-state root \(result.postStateRoot) is not the reference's \(reference.postStateRoot)")
        }
        guard result.effects == reference.effects else {
            throw .mismatch("the EE's results or transfers differ from the reference's")
        }
        let notApplied = reference.results.count { $0 != .applied }
        guard notApplied == 0, reference.results.count == transactions else {
            throw .mismatch("\(notApplied) of \(transactions) transfers were not applied")
        }
    }

    /// Throws unless `empty`, the run of the block without transactions (the baseline of the timings), succeeded.
    static func checkEmpty(_ empty: ExecutionResult) throws(BlockBenchmarkError) {
        guard empty.succeeded else {
            throw .eeFailed("the empty block failed: \(empty.failure.map(String.init(describing:)) ?? "")")
        }
    }
}

/// A token EE's native reference outcome, as the block benchmarks read it.
protocol TokenReferenceOutcome: NativeOutcome {
    /// Why the block failed, or `nil` when it succeeded.
    var failureDescription: String? { get }
    /// One result per transaction, in block order.
    var results: [TokenResultCode] { get }
}

extension TokenOutcome: TokenReferenceOutcome {
    var failureDescription: String? { failure.map { "\($0)" } }
}

extension PatriciaOutcome: TokenReferenceOutcome {
    var failureDescription: String? { failure.map { "\($0)" } }
}
