import Beacon
import Dispatch

extension SimulatedEE {
    /// Runs `block` in wasm against `state`'s root, recomputes it natively, and compares the two: success, post-state
    /// root and every effect (results, transfers, claims, ETH burned, paid and left).
    ///
    /// A wasm execution that ran out of gas or call stack fails on its own, as on a chain: the reference has no such
    /// budgets, so there is nothing to compare.
    ///
    /// - Throws: ``EEDisagreement`` when the wasm and the reference disagree.
    package func execute(
        _ block: Block, on state: State, context: ShardContext, runtime: EERuntime
    ) throws(EEDisagreement) -> ExecutedBlock<Reference> {
        let data = encode(block)
        let preStateRoot = root(of: state)
        let started = DispatchTime.now().uptimeNanoseconds
        let result = runtime.execute(module, preStateRoot: preStateRoot, blockData: data, context: context)
        let wallMicros = (DispatchTime.now().uptimeNanoseconds - started) / 1_000
        let reference = reference(for: block, preStateRoot: preStateRoot, context: context, execution: result)
        if !(result.failure?.isResourceExhaustion ?? false) {
            guard result.succeeded == reference.succeeded else {
                throw .result(
                    "wasm \(result.failure.map { "failed: \($0)" } ?? "succeeded"), native "
                        + (reference.succeeded ? "succeeded" : "failed"))
            }
            if result.succeeded {
                guard result.postStateRoot == reference.postStateRoot else {
                    throw .root(wasm: result.postStateRoot, native: reference.postStateRoot)
                }
                guard result.effects == reference.effects else {
                    throw .result(Self.difference(result.effects, reference.effects))
                }
            }
        }
        return ExecutedBlock(data: data, result: result, reference: reference, wallMicros: wallMicros)
    }

    /// Applies a successful block to `state` and checks that the state provider's root is then the wasm's.
    ///
    /// - Throws: ``EEDisagreement/root(wasm:native:)`` when they differ.
    package func commit(_ block: ExecutedBlock<Reference>, to state: inout State) throws(EEDisagreement) {
        precondition(block.succeeded, "only a successful execution changes the state")
        apply(block.reference, to: &state)
        let root = root(of: state)
        guard root == block.result.postStateRoot else { throw .root(wasm: block.result.postStateRoot, native: root) }
    }

    /// Which effect differs, for the error message.
    private static func difference(_ wasm: ShardEffects, _ native: ShardEffects) -> String {
        if wasm.results != native.results { return "reported results differ" }
        if wasm.transfers != native.transfers { return "cross-shard transfers differ" }
        if wasm.claimedReceipts != native.claimedReceipts { return "claimed receipts differ" }
        return
            "ETH moved differs (balance after: wasm \(wasm.balanceAfter.value), native \(native.balanceAfter.value) gwei)"
    }
}
