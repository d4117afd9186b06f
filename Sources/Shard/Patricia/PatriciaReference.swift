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
            var execution = PatriciaExecution(
                shard: header.shard, accounts: proof.leaves.map(\.account), context: context,
                recoveredKeys: recoveredKeys)
            for (i, transaction) in header.transactions.enumerated() {
                let code = try execution.apply(transaction, index: i)
                execution.effects.results.append(ReportedResult(transactionIndex: UInt32(i), code: code.rawValue))
            }
            var postStateRoot = preStateRoot
            if let roots = proof.roots(in: data, updated: execution.accounts) {
                if let bad = roots.badReference {
                    throw PatriciaFailure.badWitness("node \(bad) does not hash to its parent's reference")
                }
                guard roots.pre == preStateRoot.bytes else {
                    throw PatriciaFailure.badWitness("the nodes prove root \(Root(bytes: roots.pre) ?? .zero)")
                }
                postStateRoot = Root(bytes: roots.post) ?? preStateRoot
            }
            return PatriciaOutcome(
                failure: nil, postStateRoot: postStateRoot, effects: execution.effects, accounts: execution.accounts)
        } catch let failure as PatriciaFailure {
            return .failed(failure, preStateRoot: preStateRoot, context: context)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}

/// The mutable state of one reference execution: the witness's accounts and the shard effects so far. The rules are
/// the binary token EE's (`Documentation/TokenEE.md`, *Per-transaction results*), with accounts found by number.
private struct PatriciaExecution {
    let shard: ShardID
    let context: ShardContext
    let recoveredKeys: [[UInt8]: [UInt8]]
    /// The current account of each witness leaf, in witness order.
    var accounts: [PatriciaAccount]
    /// Witness position of each account number.
    let positions: [UInt32: Int]
    var effects: ShardEffects
    /// Receipts claimed so far (the host refuses a second claim).
    var claimed: Set<UInt32> = []

    init(shard: ShardID, accounts: [PatriciaAccount], context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]]) {
        self.shard = shard
        self.context = context
        self.recoveredKeys = recoveredKeys
        self.accounts = accounts
        var positions: [UInt32: Int] = [:]
        for (position, account) in accounts.enumerated() { positions[account.number] = position }
        self.positions = positions
        self.effects = ShardEffects(balanceAfter: context.balance)
    }

    mutating func apply(_ transaction: TokenTransaction, index: Int) throws(PatriciaFailure) -> TokenResultCode {
        switch transaction {
        case .transfer(let transfer): applyTransfer(transfer)
        case .send(let send): applySend(send)
        case .receive(let receive): try applyReceive(receive, index: index)
        }
    }

    private func signed(_ signedBytes: [UInt8], _ signature: [UInt8], by position: Int) -> Bool {
        let messageHash = PatriciaSigning.messageHash(signedBytes, shard: shard)
        if let key = recoveredKeys[messageHash + signature] {
            return Secp256k1.address(publicKey: key) == accounts[position].address
        }
        return Secp256k1.recoverAddress(messageHash: messageHash, signature65: signature) == accounts[position].address
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
        guard let remaining = effects.balanceAfter.subtractingIfEnough(send.amount) else { return .insufficientBalance }
        effects.balanceAfter = remaining
        effects.transfers.append(
            OutgoingTransfer(
                destinationShard: send.destinationShard, destinationEE: send.destinationEE, amount: send.amount,
                payload: send.payload))
        accounts[from].balance = accounts[from].balance - send.amount
        accounts[from].nonce += 1
        return .applied
    }

    private mutating func applyReceive(_ receive: TokenReceive, index: Int) throws(PatriciaFailure) -> TokenResultCode {
        guard let to = positions[receive.to], accounts[to].hasAddress else { return .malformed }
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
