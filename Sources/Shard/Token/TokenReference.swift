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
        var execution = Execution(block: block, context: context, recoveredKeys: recoveredKeys)
        do {
            guard (0...TokenTree.maxDepth).contains(block.depth) else {
                throw TokenFailure.malformedBlock(.depthTooLarge(UInt8(clamping: block.depth)))
            }
            guard block.shard == context.shard else {
                throw TokenFailure.wrongShard(block: block.shard.index, executing: context.shard.index)
            }
            do {
                try block.witness.checkLeaves(depth: block.depth)
            } catch {
                throw TokenFailure.malformedBlock(error)
            }
            for (i, transaction) in block.transactions.enumerated() {
                let code = try execution.apply(transaction, index: i)
                execution.effects.results.append(ReportedResult(transactionIndex: UInt32(i), code: code.rawValue))
            }
            let roots: (pre: Root, post: Root)?
            do {
                roots = try block.witness.roots(depth: block.depth, updated: execution.accounts)
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
                failure: nil,
                postStateRoot: postStateRoot,
                effects: execution.effects,
                accounts: accounts
            )
        } catch let failure as TokenFailure {
            return .failed(failure, preStateRoot: preStateRoot, context: context)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}

/// The mutable state of one reference execution: the witness's accounts and the shard effects so far.
private struct Execution {
    let block: TokenBlock
    let context: ShardContext
    /// Keys the wasm execution's recovery precompile produced, by message hash ‖ signature.
    let recoveredKeys: [[UInt8]: [UInt8]]
    /// The current account of each witness leaf, in witness order.
    var accounts: [TokenAccount]
    /// Witness position of each leaf index.
    let positions: [UInt32: Int]
    var effects: ShardEffects
    /// Receipts claimed so far (the host refuses a second claim).
    var claimed: Set<UInt32> = []

    init(block: TokenBlock, context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]]) {
        self.recoveredKeys = recoveredKeys
        self.block = block
        self.context = context
        self.accounts = block.witness.leaves.map(\.account)
        var positions: [UInt32: Int] = [:]
        for (position, leaf) in block.witness.leaves.enumerated() { positions[leaf.index] = position }
        self.positions = positions
        self.effects = ShardEffects(balanceAfter: context.balance)
    }

    /// Applies transaction `index` and returns its result, or throws when the EE would trap.
    mutating func apply(_ transaction: TokenTransaction, index: Int) throws(TokenFailure) -> TokenResultCode {
        switch transaction {
        case .transfer(let transfer): applyTransfer(transfer)
        case .send(let send): applySend(send)
        case .receive(let receive): try applyReceive(receive, index: index)
        }
    }

    private func signed(_ signedBytes: [UInt8], _ signature: [UInt8], by position: Int) -> Bool {
        let messageHash = TokenSigning.messageHash(signedBytes, shard: block.shard)
        if let key = recoveredKeys[messageHash + signature] {
            return Secp256k1.address(publicKey: key) == accounts[position].address
        }
        return TokenSigning.signer(of: signedBytes, shard: block.shard, signature: signature)
            == accounts[position].address
    }

    private mutating func applyTransfer(_ transfer: TokenTransfer) -> TokenResultCode {
        guard let from = positions[transfer.from], let to = positions[transfer.to], accounts[to].hasAddress else {
            return .malformed
        }
        guard signed(transfer.signedBytes, transfer.signature, by: from) else { return .badSignature }
        guard transfer.nonce == accounts[from].nonce, transfer.nonce != .max else { return .badNonce }
        guard transfer.amount <= accounts[from].balance else { return .insufficientBalance }
        guard from == to || accounts[to].balance.value <= UInt64.max - transfer.amount.value else { return .malformed }
        accounts[from].balance = accounts[from].balance - transfer.amount
        accounts[from].nonce += 1
        accounts[to].balance = accounts[to].balance + transfer.amount
        return .applied
    }

    private mutating func applySend(_ send: TokenSend) -> TokenResultCode {
        guard let from = positions[send.from] else { return .malformed }
        guard signed(send.signedBytes, send.signature, by: from) else { return .badSignature }
        guard send.nonce == accounts[from].nonce, send.nonce != .max else { return .badNonce }
        guard send.amount <= accounts[from].balance else { return .insufficientBalance }
        // The host's eth2_crossShardTransfer: refused when the EE's own ETH on this shard is short.
        guard let remaining = effects.balanceAfter.subtractingIfEnough(send.amount) else { return .insufficientBalance }
        effects.balanceAfter = remaining
        effects.transfers.append(
            OutgoingTransfer(
                destinationShard: send.destinationShard,
                destinationEE: send.destinationEE,
                amount: send.amount,
                payload: send.payload
            )
        )
        accounts[from].balance = accounts[from].balance - send.amount
        accounts[from].nonce += 1
        return .applied
    }

    private mutating func applyReceive(_ receive: TokenReceive, index: Int) throws(TokenFailure) -> TokenResultCode {
        guard let to = positions[receive.to], accounts[to].hasAddress else { return .malformed }
        // The host's eth2_claimReceipt: unknown, already processed or already claimed in this execution → -1.
        let receiptIndex = receive.receiptIndex
        let receipts = context.incomingReceipts
        guard Int(receiptIndex) < receipts.count, !receipts[Int(receiptIndex)].alreadyProcessed,
            !claimed.contains(receiptIndex)
        else { return .badReceipt }
        let receipt = receipts[Int(receiptIndex)]
        claimed.insert(receiptIndex)
        effects.claimedReceipts.append(receiptIndex)
        effects.balanceAfter = effects.balanceAfter + receipt.amount
        var expectedPayload: [UInt8] = []
        expectedPayload.append(littleEndian: receive.to)
        guard receipt.payload == expectedPayload else {
            throw .receiptPayload(transaction: index, receipt: receiptIndex)
        }
        guard accounts[to].balance.value <= UInt64.max - receipt.amount.value else {
            throw .balanceOverflow(transaction: index)
        }
        accounts[to].balance = accounts[to].balance + receipt.amount
        return .applied
    }
}
