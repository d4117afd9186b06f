import Beacon

/// The mutable state of one native execution of token transactions against a witness's accounts — the rules of
/// `Documentation/TokenEE.md` (membership, signature, nonce, balance, then the host's cross-shard functions), shared
/// by the token EE's reference and the sparse token EE's, which differ only in their accumulator and domain tag.
struct TokenExecution {
    /// The shard the block is for: signatures cover it.
    let shard: ShardID
    /// The signature domain tag of the EE.
    let domainTag: [UInt8]
    let context: ShardContext
    /// Keys the wasm execution's recovery precompile produced, by message hash ‖ signature.
    let recoveredKeys: [[UInt8]: [UInt8]]
    /// The current account of each witness leaf, in witness order.
    var accounts: [TokenAccount]
    /// Witness position of each account (the first leaf naming it).
    let positions: [UInt32: Int]
    var effects: ShardEffects
    /// Receipts claimed so far (the host refuses a second claim).
    var claimed: Set<UInt32> = []

    /// An execution over `leaves` (the witness's, in witness order) for a block of `shard`.
    init(
        leaves: [TokenWitness.Leaf], shard: ShardID, context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]],
        domainTag: [UInt8] = TokenSigning.domainTag
    ) {
        self.recoveredKeys = recoveredKeys
        self.shard = shard
        self.domainTag = domainTag
        self.context = context
        self.accounts = leaves.map(\.account)
        var positions: [UInt32: Int] = [:]
        for (position, leaf) in leaves.enumerated() where positions[leaf.index] == nil {
            positions[leaf.index] = position
        }
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
        let messageHash = TokenSigning.messageHash(signedBytes, shard: shard, domainTag: domainTag)
        if let key = recoveredKeys[messageHash + signature] {
            return Secp256k1.address(publicKey: key) == accounts[position].address
        }
        return TokenSigning.signer(of: signedBytes, shard: shard, signature: signature, domainTag: domainTag)
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
