import Beacon

/// The operations of a workload block of an EE that speaks the token EE's transactions (the token EE and the sparse
/// token EE): receives for the receipts, one signed operation per intent, then the replayed receive.
enum TokenOperations {
    /// Receives for `receipts` (crediting the accounts their payloads name), then one operation per intent — a
    /// transfer within EE `ee` on `shard`, a send otherwise — signed under `domainTag` with the nonce each sender
    /// will have at that point (`predicted`), faults built in, then a receive of `replayed` when given.
    static func build(
        receipts: [Receipt], intents: [UserIntent], replayed: Receipt?, ee: EEID, shard: ShardID, seed: UInt64,
        domainTag: [UInt8], predicted: inout PredictedAccounts
    ) -> [TokenTransaction] {
        var operations: [TokenTransaction] = []
        for (index, receipt) in receipts.enumerated() {
            let to = TokenEE.recipient(of: receipt.payload)
            operations.append(.receive(TokenReceive(receiptIndex: UInt32(index), to: to)))
            predicted.credit(to, receipt.amount)
        }
        for intent in intents {
            // Another shard or another EE: the ETH leaves this EE by a receipt.
            let crossShard = intent.destinationShard != shard || intent.destinationEE != ee
            var amount = intent.amount
            let current = predicted.peek(intent.from)
            let nonce: UInt64
            switch intent.fault {
            case nil:
                nonce = predicted.spend(intent.from, amount)
                if !crossShard { predicted.creditIfSpent(intent.to, amount, by: intent.from) }
            case .badSignature:
                nonce = current.nonce
            case .replayedNonce:
                nonce = current.nonce > 0 ? current.nonce - 1 : current.nonce + 1
            case .overdraft:
                nonce = current.nonce
                amount = current.balance + Gwei(1)
            }
            operations.append(
                sign(
                    intent, amount: amount, nonce: nonce, crossShard: crossShard, shard: shard, seed: seed,
                    domainTag: domainTag))
        }
        if let replayed {
            operations.append(
                .receive(
                    TokenReceive(receiptIndex: UInt32(receipts.count), to: TokenEE.recipient(of: replayed.payload))))
        }
        return operations
    }

    /// The signed operation for an intent; a bad-signature fault flips a bit of the signature.
    private static func sign(
        _ intent: UserIntent, amount: Gwei, nonce: UInt64, crossShard: Bool, shard: ShardID, seed: UInt64,
        domainTag: [UInt8]
    ) -> TokenTransaction {
        let key = TokenSigning.privateKey(seed: seed, shard: shard, account: intent.from)
        let corrupt = intent.fault == .badSignature
        if crossShard {
            var send = TokenSend(
                from: intent.from, destinationShard: intent.destinationShard, destinationEE: intent.destinationEE,
                destinationAccount: intent.to, amount: amount, nonce: nonce
            ).signed(with: key, shard: shard, domainTag: domainTag)
            if corrupt { send.signature[0] ^= 1 }
            return .send(send)
        }
        var transfer = TokenTransfer(from: intent.from, to: intent.to, amount: amount, nonce: nonce)
            .signed(with: key, shard: shard, domainTag: domainTag)
        if corrupt { transfer.signature[0] ^= 1 }
        return .transfer(transfer)
    }
}
