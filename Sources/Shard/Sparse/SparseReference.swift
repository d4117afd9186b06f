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
        var execution = TokenExecution(
            leaves: block.witness.leaves, shard: block.shard, context: context, recoveredKeys: recoveredKeys,
            domainTag: SparseSigning.domainTag)
        do {
            guard block.shard == context.shard else {
                throw TokenFailure.wrongShard(block: block.shard.index, executing: context.shard.index)
            }
            do {
                _ = try block.witness.keys()
            } catch {
                throw TokenFailure.malformedBlock(error)
            }
            for (i, transaction) in block.transactions.enumerated() {
                let code = try execution.apply(transaction, index: i)
                execution.effects.results.append(ReportedResult(transactionIndex: UInt32(i), code: code.rawValue))
            }
            let roots: (pre: Root, post: Root)?
            do {
                roots = try block.witness.roots(updated: execution.accounts)
            } catch {
                throw TokenFailure.malformedBlock(error)
            }
            var postStateRoot = preStateRoot
            if let roots {
                guard roots.pre == preStateRoot else {
                    throw TokenFailure.badWitness(proven: roots.pre.hex, expected: preStateRoot.hex)
                }
                postStateRoot = roots.post
            }
            let accounts = zip(block.witness.leaves, execution.accounts).map {
                TokenWitness.Leaf(index: $0.index, account: $1)
            }
            return TokenOutcome(
                failure: nil, postStateRoot: postStateRoot, effects: execution.effects, accounts: accounts)
        } catch let failure as TokenFailure {
            return .failed(failure, preStateRoot: preStateRoot, context: context)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}
