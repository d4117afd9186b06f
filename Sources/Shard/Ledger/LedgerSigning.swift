import Beacon

/// The ledger EE's keys and signatures: secp256k1 over `keccak256("shardsim-ledger-v1" ‖ le16 shard ‖ bytes)`.
package enum LedgerSigning {
    /// The signature domain.
    static let domain = Array("shardsim-ledger-v1".utf8)

    /// The hash a signature over `signedBytes` for `shard` signs.
    package static func messageHash(_ signedBytes: [UInt8], shard: ShardID) -> [UInt8] {
        var message = domain
        message.append(littleEndian: shard.index)
        return Keccak256.hash(message + signedBytes)
    }

    /// User `account`'s private key on `shard` for run `seed`: `keccak256("shardsim-ledger-key" ‖ le64 seed ‖ le32
    /// shard ‖ le32 account)`, rehashed until it is a valid secp256k1 scalar.
    package static func privateKey(seed: UInt64, shard: ShardID, account: UInt32) -> [UInt8] {
        SimulatedUserKeys.privateKey(label: "shardsim-ledger-key", seed: seed, shard: shard, account: account)
    }

    /// The address of ``privateKey(seed:shard:account:)``.
    package static func address(seed: UInt64, shard: ShardID, account: UInt32) -> [UInt8] {
        SimulatedUserKeys.address(privateKey: privateKey(seed: seed, shard: shard, account: account))
    }

    /// `signedBytes` signed for `shard` with `privateKey` (65 bytes: r ‖ s ‖ recovery id).
    package static func sign(_ signedBytes: [UInt8], shard: ShardID, privateKey: [UInt8]) -> [UInt8] {
        guard
            let signature = Secp256k1.sign(messageHash: messageHash(signedBytes, shard: shard), privateKey: privateKey)
        else { preconditionFailure("derived keys are valid") }
        return signature
    }
}
