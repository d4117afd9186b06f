import Beacon

/// What a token transaction's signature covers, and the deterministic keys of simulated users.
///
/// The signed message is `keccak256("shardsim-token-v1" ‖ le16 shardId ‖ signedBytes)`, where `signedBytes` is the
/// transaction's encoding up to its signature (kind byte included). The shard id keeps a transaction from being
/// replayed on another shard; the tag keeps it from being valid for any other protocol that signs Keccak hashes.
package enum TokenSigning {
    /// The domain tag at the start of every signed message.
    package static let domainTag: [UInt8] = Array("shardsim-token-v1".utf8)

    /// The 32-byte hash a transaction's key signs; `domainTag` is the EE's (the sparse token EE signs under its own,
    /// ``SparseSigning/domainTag``).
    package static func messageHash(_ signedBytes: [UInt8], shard: ShardID, domainTag: [UInt8] = domainTag) -> [UInt8] {
        var message = domainTag
        message.append(littleEndian: shard.index)
        message.append(contentsOf: signedBytes)
        return Keccak256.hash(message)
    }

    /// The 65-byte signature of `signedBytes` for `shard` with `privateKey`, which must be valid.
    package static func sign(
        _ signedBytes: [UInt8], shard: ShardID, privateKey: [UInt8], domainTag: [UInt8] = domainTag
    ) -> [UInt8] {
        guard
            let signature = Secp256k1.sign(
                messageHash: messageHash(signedBytes, shard: shard, domainTag: domainTag), privateKey: privateKey)
        else { preconditionFailure("cannot sign with an invalid private key") }
        return signature
    }

    /// The address that signed `signedBytes` for `shard`, or `nil` for an invalid signature.
    package static func signer(
        of signedBytes: [UInt8], shard: ShardID, signature: [UInt8], domainTag: [UInt8] = domainTag
    ) -> [UInt8]? {
        Secp256k1.recoverAddress(
            messageHash: messageHash(signedBytes, shard: shard, domainTag: domainTag), signature65: signature)
    }

    /// The private key of simulated user `account` on `shard` for run `seed`:
    /// `keccak256("shardsim-key" ‖ le64 seed ‖ le32 shard ‖ le32 account)`, rehashed with Keccak-256 until it is a
    /// valid secp256k1 scalar (a probability of about 2⁻¹²⁸ per try of not being one).
    package static func privateKey(seed: UInt64, shard: ShardID, account: UInt32) -> [UInt8] {
        SimulatedUserKeys.privateKey(label: "shardsim-key", seed: seed, shard: shard, account: account)
    }

    /// The address of ``privateKey(seed:shard:account:)``.
    package static func address(seed: UInt64, shard: ShardID, account: UInt32) -> [UInt8] {
        SimulatedUserKeys.address(privateKey: privateKey(seed: seed, shard: shard, account: account))
    }
}
