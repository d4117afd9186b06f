import Beacon

/// The Patricia token EE computed natively: what `patricia.wasm` does with block data, step for step
/// (`Documentation/PatriciaTokenEE.md`): read the header and transactions, walk the multiproof, apply each
/// transaction to the witness's accounts with the token EE's rules and result codes, then hash the nodes for the
/// pre-state root (which must be `preStateRoot`, every node matching its parent's reference) and re-hash the changed
/// ones for the post-state root. Gas is not modelled; the runtime measures it.
package enum PatriciaReference {
    /// Applies encoded block data.
    ///
    /// - Parameter recoveredKeys: public keys the wasm execution of this block already recovered
    ///   (``ExecutionResult/recoveredKeys``), by message hash ‖ signature; every other check is computed here.
    package static func apply(
        blockData data: [UInt8], preStateRoot: Root, context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]] = [:]
    ) -> PatriciaOutcome {
        do {
            let header: (shard: ShardID, transactions: [TokenTransaction], witnessStart: Int)
            let proof: PatriciaProof
            do {
                header = try PatriciaBlock.readHeader(data)
                guard header.shard == context.shard else {
                    throw PatriciaFailure.wrongShard(block: header.shard.index, executing: context.shard.index)
                }
                proof = try PatriciaProof.read(data, at: header.witnessStart)
                guard proof.byteRange.upperBound == data.count else {
                    throw PatriciaFormatError.trailingBytes(
                        data.count - proof.byteRange.upperBound, offset: proof.byteRange.upperBound)
                }
            } catch let error as PatriciaFormatError {
                throw PatriciaFailure.malformedBlock(error)
            }
            // The token EE's rules, with accounts named by number and this EE's domain tag.
            var execution = TokenExecution(
                leaves: proof.leaves.map {
                    TokenWitness.Leaf(
                        index: $0.account.number,
                        account: TokenAccount(
                            address: $0.account.address, balance: $0.account.balance, nonce: $0.account.nonce))
                }, shard: header.shard, context: context, recoveredKeys: recoveredKeys,
                domainTag: PatriciaSigning.domainTag)
            for (i, transaction) in header.transactions.enumerated() {
                do {
                    let code = try execution.apply(transaction, index: i)
                    execution.effects.results.append(ReportedResult(transactionIndex: UInt32(i), code: code.rawValue))
                } catch {
                    throw PatriciaFailure.transaction(error)
                }
            }
            let updated = zip(proof.leaves, execution.accounts).map { leaf, account in
                PatriciaAccount(
                    number: leaf.account.number, address: account.address, balance: account.balance,
                    nonce: account.nonce)
            }
            var postStateRoot = preStateRoot
            if let roots = proof.roots(in: data, updated: updated) {
                if let bad = roots.badReference {
                    throw PatriciaFailure.badWitness("node \(bad) does not hash to its parent's reference")
                }
                guard roots.pre == preStateRoot.bytes else {
                    throw PatriciaFailure.badWitness("the nodes prove root \(Root(bytes: roots.pre) ?? .zero)")
                }
                postStateRoot = Root(bytes: roots.post) ?? preStateRoot
            }
            return PatriciaOutcome(
                failure: nil, postStateRoot: postStateRoot, effects: execution.effects, accounts: updated)
        } catch let failure as PatriciaFailure {
            return .failed(failure, preStateRoot: preStateRoot, context: context)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}
