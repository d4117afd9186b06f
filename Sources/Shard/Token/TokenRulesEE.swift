import Beacon

/// A workload EE that runs the token EE's users, transactions and rules (``TokenOperations``, ``TokenExecution``,
/// ``TokenResultCode``) over an accumulator of its own: the binary, sparse and Patricia token EEs.
///
/// Each one gives what its accumulator decides — the accounts its state holds, the block (with witness) it builds
/// for a list of operations, and the domain its transfers are signed under — and this extension gives the rest of
/// ``WorkloadEE`` the same way for all of them, so the three differ only where their accumulators do.
package protocol TokenRulesEE: WorkloadEE where Block: TokenRulesBlock {
    /// The domain tag its transfers are signed under, so a transaction of one token EE is never valid in another.
    static var signingDomainTag: [UInt8] { get }

    /// The account `number` of `state`, as the token rules see it (``TokenAccount/empty`` when there is none).
    func tokenAccount(_ number: UInt32, in state: State) -> TokenAccount

    /// The block of `operations` on `shard`, with their witness against `state`.
    func block(of operations: [TokenTransaction], on state: State, shard: ShardID) -> Block
}

/// A block of token operations, whatever proves them.
package protocol TokenRulesBlock: Sendable {
    /// The operations, in block order.
    var transactions: [TokenTransaction] { get }
    /// The block data the wasm receives.
    var encoded: [UInt8] { get }
    /// The bytes of the block that are witness (proofs and the accounts they prove).
    var witnessByteCount: Int { get }
}

extension TokenRulesEE {
    package func encode(_ block: Block) -> [UInt8] { block.encoded }

    package func witnessByteCount(of block: Block) -> Int { block.witnessByteCount }

    package func block(
        on state: State, ee: EEID, shard: ShardID, seed: UInt64, receipts: [Receipt], intents: [UserIntent],
        replayed: Receipt?
    ) -> Block {
        var predicted = PredictedAccounts { tokenAccount($0, in: state) }
        let operations = TokenOperations.build(
            receipts: receipts, intents: intents, replayed: replayed, ee: ee, shard: shard, seed: seed,
            domainTag: Self.signingDomainTag, predicted: &predicted)
        return block(of: operations, on: state, shard: shard)
    }

    package func userOperationHashes(of block: Block) -> [Root] {
        block.transactions.compactMap { operation in
            if case .receive = operation { return nil }
            return Root(bytes: Keccak256.hash(operation.encoded))
        }
    }

    /// The token EE's result codes (`Documentation/TokenEE.md`, *Per-transaction results*).
    package func operationResult(code: UInt32) -> OperationResult {
        switch TokenResultCode(rawValue: code) {
        case .applied: .applied
        case .badSignature: .badSignature
        case .badNonce: .badNonce
        case .insufficientBalance: .insufficientBalance
        case .badReceipt: .badReceipt
        case .malformed, nil: .malformed
        }
    }
}
