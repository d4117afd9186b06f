import Beacon
import Shard

/// The block gas limit on measured gas: execute, and trim what does not fit.
///
/// The proposer packs a block by each EE's per-operation estimates, but only the execution knows the real gas (the
/// token EE's witness hashing depends on which accounts the block touches). So each workload EE's block is executed
/// on a copy of the EE's state; when its measured gas exceeds what the shard block has left (or it runs out of gas),
/// the last user operations are taken out — in proportion to the overshoot, at least one — and the block is built
/// and executed again, until it fits. Receipts are trimmed the same way once no user operation is left. Trimmed
/// transactions go back to the mempool, trimmed receipts stay in the inbox; `slots.csv` counts them
/// (`transactions_trimmed`, `receipts_trimmed`). Each trim costs one more execution, which only overfull blocks pay.
extension BlockProducer {
    /// What ``produceWithinGas(_:request:budget:)`` built: the block that fits, and the request it was built from
    /// (its intents and receipts a prefix of the original ones).
    struct FittedBlock {
        var block: WorkloadBlockOutcome
        var request: WorkloadBlockRequest
    }

    /// Builds, executes and checks `request` on `workload`, trimmed until its measured gas is at most `budget`;
    /// `workload` becomes the state after the fitting block.
    ///
    /// - Throws: ``EEDisagreement`` when the wasm and the native reference disagree on any attempt.
    func produceWithinGas(
        _ workload: inout LiveWorkload, request: WorkloadBlockRequest, budget: UInt64
    ) throws(EEDisagreement) -> FittedBlock {
        var request = request
        while true {
            var candidate = workload
            let block = try candidate.produce(request, runtime: runtime)
            // Out of gas counts as over the budget only when the block limit is what ran out; an execution that
            // exhausted execution.gasLimitPerExecution below it fails on its own, as on a chain.
            let blockLimitRanOut = block.result.failure == .outOfGas && runtime.limits.gasLimit >= budget
            let measured = blockLimitRanOut ? max(block.result.gasUsed, budget + 1) : block.result.gasUsed
            let operations = request.intents.count + request.receipts.count
            guard measured > budget, operations > 0 else {
                workload = candidate
                return FittedBlock(block: block, request: request)
            }
            // Keep the share of operations the budget allows at the measured rate, and always drop at least one.
            let keep = min(operations - 1, Int(UInt128(operations) * UInt128(budget) / UInt128(measured)))
            let keptIntents = min(request.intents.count, max(0, keep - request.receipts.count))
            if keptIntents < request.intents.count {
                request.intents = Array(request.intents.prefix(keptIntents))
            } else {
                request.receipts = Array(request.receipts.prefix(keep))
            }
        }
    }
}

extension ShardState {
    /// Puts transactions taken out of a block back among the waiting ones, in id (arrival) order.
    mutating func returnToMempool(_ transactions: some Sequence<UserTransaction>) {
        for transaction in transactions {
            let index = mempool.firstIndex { $0.id > transaction.id } ?? mempool.endIndex
            mempool.insert(transaction, at: index)
        }
    }
}
