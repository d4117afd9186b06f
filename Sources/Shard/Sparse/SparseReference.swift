import Beacon

/// The sparse token EE computed natively: what `sparse.wasm` does with a block, step for step — the token EE's
/// transaction rules (``TokenExecution``) under the sparse EE's domain tag, then the compressed multiproof hashed
/// once for the pre-state and post-state roots (``SparseWitness/roots(updated:)``).
package enum SparseReference {
    /// Applies encoded block data.
    package static func apply(blockData: [UInt8], preStateRoot: Root, context: ShardContext) -> TokenOutcome {
        do {
            let block = try SparseBlock(decoding: blockData)
            return apply(block: block, preStateRoot: preStateRoot, context: context)
        } catch {
            return .failed(.malformedBlock(error), preStateRoot: preStateRoot, context: context)
        }
    }

    /// Applies a decoded block, as the EE would apply its encoding; `recoveredKeys` as in
    /// ``TokenReference/apply(block:preStateRoot:context:recoveredKeys:)``.
    package static func apply(
        block: SparseBlock, preStateRoot: Root, context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]] = [:]
    ) -> TokenOutcome {
        do throws(TokenFailure) {
            guard block.shard == context.shard else {
                throw .wrongShard(block: block.shard.index, executing: context.shard.index)
            }
            do {
                _ = try block.witness.keys()
            } catch {
                throw .malformedBlock(error)
            }
            return try TokenExecution.outcome(
                of: block.transactions, leaves: block.witness.leaves, shard: block.shard, preStateRoot: preStateRoot,
                context: context, recoveredKeys: recoveredKeys, domainTag: SparseSigning.domainTag
            ) { accounts throws(TokenFormatError) in
                try block.witness.roots(updated: accounts)
            }
        } catch {
            return .failed(error, preStateRoot: preStateRoot, context: context)
        }
    }
}
