import Beacon

/// Deterministic secp256k1 keys of simulated users, shared by every EE whose users sign: each EE names its own
/// `label`, so the same (seed, shard, account) gives different keys in different EEs.
package enum SimulatedUserKeys {
    /// `keccak256(label ‖ le64 seed ‖ le32 shard ‖ le32 account)`, rehashed with Keccak-256 until it is a valid
    /// secp256k1 scalar (a probability of about 2⁻¹²⁸ per try of not being one).
    package static func privateKey(label: String, seed: UInt64, shard: ShardID, account: UInt32) -> [UInt8] {
        var preimage = Array(label.utf8)
        preimage.append(littleEndian: seed)
        preimage.append(littleEndian: UInt32(shard.index))
        preimage.append(littleEndian: account)
        var key = Keccak256.hash(preimage)
        while !Secp256k1.isValidPrivateKey(key) { key = Keccak256.hash(key) }
        return key
    }

    /// The Ethereum address of `privateKey`, which must be valid (derived keys are).
    package static func address(privateKey: [UInt8]) -> [UInt8] {
        guard let address = Secp256k1.address(privateKey: privateKey) else {
            preconditionFailure("derived keys are valid")
        }
        return address
    }
}
