import Beacon

/// The Patricia token EE's keys and signatures: the token EE's transactions signed over
/// `keccak256("shardsim-patricia" ‖ le16 shardId ‖ signedBytes)`.
///
/// The users and keys are the token EE's; the tag is as long as the token EE's (17 bytes), so the EE reuses the token
/// EE's transaction code unchanged, and different, so a token-EE transaction can never be replayed on this EE (nor on
/// the sparse token EE, whose tag is `shardsim-sparse-1`).
package enum PatriciaSigning {
    /// The domain tag at the start of every signed message (17 ASCII bytes).
    package static let domainTag: [UInt8] = Array("shardsim-patricia".utf8)

    /// The 32-byte hash a transaction's key signs.
    package static func messageHash(_ signedBytes: [UInt8], shard: ShardID) -> [UInt8] {
        TokenSigning.messageHash(signedBytes, shard: shard, domainTag: domainTag)
    }

    /// The 65-byte signature of `signedBytes` for `shard` with `privateKey`, which must be valid.
    package static func sign(_ signedBytes: [UInt8], shard: ShardID, privateKey: [UInt8]) -> [UInt8] {
        guard
            let signature = Secp256k1.sign(messageHash: messageHash(signedBytes, shard: shard), privateKey: privateKey)
        else { preconditionFailure("cannot sign with an invalid private key") }
        return signature
    }

    /// User `account`'s private key on `shard` for run `seed`: the token EE's user
    /// (``TokenSigning/privateKey(seed:shard:account:)``), so the accumulators compare on the same users.
    package static func privateKey(seed: UInt64, shard: ShardID, account: UInt32) -> [UInt8] {
        TokenSigning.privateKey(seed: seed, shard: shard, account: account)
    }

    /// The address of ``privateKey(seed:shard:account:)``.
    package static func address(seed: UInt64, shard: ShardID, account: UInt32) -> [UInt8] {
        TokenSigning.address(seed: seed, shard: shard, account: account)
    }

    /// `transaction` signed for `shard` with `privateKey` (receives are unsigned and returned as they are).
    package static func signed(_ transaction: TokenTransaction, shard: ShardID, privateKey: [UInt8])
        -> TokenTransaction
    {
        switch transaction {
        case .transfer(var transfer):
            transfer.signature = sign(transfer.signedBytes, shard: shard, privateKey: privateKey)
            return .transfer(transfer)
        case .send(var send):
            send.signature = sign(send.signedBytes, shard: shard, privateKey: privateKey)
            return .send(send)
        case .receive:
            return transaction
        }
    }
}
