import Beacon

extension TokenExecution {
    /// A token block executed natively, after the checks of its own encoding: every transaction by the token rules
    /// against the witness's `leaves`, then the witness hashed once for the pre-state and post-state roots
    /// (`roots`, given the updated accounts in witness order; `nil` for a witness of no account), the first checked
    /// against `preStateRoot` — the steps the binary and the sparse token EEs share.
    ///
    /// - Throws: the ``TokenFailure`` that makes the EE trap: a receipt claimed twice, a malformed witness, or a
    ///   witness that does not prove `preStateRoot`.
    static func outcome(
        of transactions: [TokenTransaction], leaves: [TokenWitness.Leaf], shard: ShardID, preStateRoot: Root,
        context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]], domainTag: [UInt8],
        roots: ([TokenAccount]) throws(TokenFormatError) -> (pre: Root, post: Root)?
    ) throws(TokenFailure) -> TokenOutcome {
        var execution = TokenExecution(
            leaves: leaves, shard: shard, context: context, recoveredKeys: recoveredKeys, domainTag: domainTag)
        for (i, transaction) in transactions.enumerated() {
            let code = try execution.apply(transaction, index: i)
            execution.effects.results.append(ReportedResult(transactionIndex: UInt32(i), code: code.rawValue))
        }
        let proven: (pre: Root, post: Root)?
        do {
            proven = try roots(execution.accounts)
        } catch {
            throw .malformedBlock(error)
        }
        var postStateRoot = preStateRoot
        if let proven {
            guard proven.pre == preStateRoot else {
                throw .badWitness(proven: proven.pre.hex, expected: preStateRoot.hex)
            }
            postStateRoot = proven.post
        }
        let accounts = zip(leaves, execution.accounts).map { TokenWitness.Leaf(index: $0.index, account: $1) }
        return TokenOutcome(
            failure: nil, postStateRoot: postStateRoot, effects: execution.effects, accounts: accounts)
    }
}
