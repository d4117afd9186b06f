import Beacon

/// The token EE computed natively: what `token.wasm` does with a block, step for step, so a state provider can
/// check the EE's post-state root and results (a mismatch is a bug in one of them).
///
/// It follows `Documentation/TokenEE.md`: decode the block, apply each transaction to the witness's accounts
/// (checking membership, signature, nonce and balance in that order, and calling the host's cross-shard functions
/// as the EE would, against the context's balance and incoming receipts), then hash the proof once for the pre-state
/// and post-state roots and fail unless the first is `preStateRoot`. Gas is not modelled; the runtime measures it.
package enum TokenReference {
    /// Applies encoded block data.
    package static func apply(blockData: [UInt8], preStateRoot: Root, context: ShardContext) -> TokenOutcome {
        do {
            let block = try TokenBlock(decoding: blockData)
            return apply(block: block, preStateRoot: preStateRoot, context: context)
        } catch {
            return .failed(.malformedBlock(error), preStateRoot: preStateRoot, context: context)
        }
    }

    /// Applies a decoded block, as the EE would apply its encoding.
    ///
    /// - Complexity: one signature recovery per signed transaction, and about two hashes per proof node.
    ///
    /// - Parameter recoveredKeys: public keys already recovered by the same libsecp256k1 call for the wasm
    ///   execution of this block (``ExecutionResult/recoveredKeys``), keyed by message hash ‖ signature. Reusing
    ///   them skips a second, identical recovery per transaction (a fifth of a run's CPU); every other check —
    ///   message hash, signer address, nonce, balance, witness and roots — is still computed here.
    package static func apply(
        block: TokenBlock, preStateRoot: Root, context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]] = [:]
    ) -> TokenOutcome {
        do throws(TokenFailure) {
            guard (0...TokenTree.maxDepth).contains(block.depth) else {
                throw .malformedBlock(.depthTooLarge(UInt8(clamping: block.depth)))
            }
            guard block.shard == context.shard else {
                throw .wrongShard(block: block.shard.index, executing: context.shard.index)
            }
            do {
                try block.witness.checkLeaves(depth: block.depth)
            } catch {
                throw .malformedBlock(error)
            }
            return try TokenExecution.outcome(
                of: block.transactions, leaves: block.witness.leaves, shard: block.shard, preStateRoot: preStateRoot,
                context: context, recoveredKeys: recoveredKeys, domainTag: TokenSigning.domainTag
            ) { accounts throws(TokenFormatError) in
                try block.witness.roots(depth: block.depth, updated: accounts)
            }
        } catch {
            return .failed(error, preStateRoot: preStateRoot, context: context)
        }
    }
}
