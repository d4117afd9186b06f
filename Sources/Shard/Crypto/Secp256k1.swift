import CSecp256k1

/// ECDSA over secp256k1 with recoverable signatures, as Ethereum uses it: keys, signing, public-key recovery and
/// addresses, over Debian's libsecp256k1 (`CSecp256k1`).
///
/// Formats, all plain byte arrays:
/// - a private key is 32 big-endian bytes, a valid scalar (`1 ..< n`);
/// - a public key is 64 bytes, `x ‖ y` big-endian, without the `0x04` prefix of the uncompressed encoding;
/// - a signature is 65 bytes, `r ‖ s ‖ recid` with `recid` in `0 ... 3` (not Ethereum's `27`/`28`);
/// - an address is the last 20 bytes of Keccak-256 of the 64-byte public key.
///
/// Signing follows RFC 6979, so the same key and message always give the same signature: runs stay reproducible.
/// Every function is safe to call from any thread: libsecp256k1's context is only read after creation.
package enum Secp256k1 {
    /// Bytes in a private key.
    package static let privateKeyByteCount = 32
    /// Bytes in a public key (`x ‖ y`).
    package static let publicKeyByteCount = 64
    /// Bytes in a recoverable signature (`r ‖ s ‖ recid`).
    package static let signatureByteCount = 65
    /// Bytes in an address.
    package static let addressByteCount = 20

    /// One context for the process. Created once and never modified afterwards (no randomization: keys in a
    /// simulation are not secrets, and blinding does not change results), so concurrent use is safe.
    private nonisolated(unsafe) static let context: OpaquePointer? = secp256k1_context_create(
        UInt32(SECP256K1_CONTEXT_NONE)
    )

    /// Whether `privateKey` is 32 bytes and a valid secp256k1 scalar (nonzero, below the group order).
    package static func isValidPrivateKey(_ privateKey: [UInt8]) -> Bool {
        guard privateKey.count == privateKeyByteCount, let context else { return false }
        return secp256k1_ec_seckey_verify(context, privateKey) == 1
    }

    /// The 64-byte public key `x ‖ y` of `privateKey`, or `nil` when the key is invalid.
    package static func publicKey(privateKey: [UInt8]) -> [UInt8]? {
        guard isValidPrivateKey(privateKey), let context else { return nil }
        var key = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(context, &key, privateKey) == 1 else { return nil }
        return serialize(key, context: context)
    }

    /// Signs the 32-byte `messageHash` with `privateKey`.
    ///
    /// - Returns: the 65-byte signature `r ‖ s ‖ recid` (RFC 6979 nonce, low-s), or `nil` when the key is invalid
    ///   or the hash is not 32 bytes.
    package static func sign(messageHash: [UInt8], privateKey: [UInt8]) -> [UInt8]? {
        guard messageHash.count == 32, isValidPrivateKey(privateKey), let context else { return nil }
        var signature = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_sign_recoverable(context, &signature, messageHash, privateKey, nil, nil) == 1 else {
            return nil
        }
        var out = [UInt8](repeating: 0, count: signatureByteCount)
        var recoveryID: Int32 = 0
        _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(context, &out, &recoveryID, &signature)
        out[64] = UInt8(recoveryID)
        return out
    }

    /// Recovers the public key that produced `signature65` over the 32-byte `messageHash`.
    ///
    /// This is the `secp256k1_recover` precompile. A signature whose `r` or `s` is zero or not below the group
    /// order, whose recovery id is above 3, or from which no point can be recovered is invalid.
    ///
    /// - Returns: the 64-byte key `x ‖ y`, or `nil` for an invalid signature or wrong input lengths.
    package static func recoverPublicKey(messageHash: [UInt8], signature65: [UInt8]) -> [UInt8]? {
        guard messageHash.count == 32, signature65.count == signatureByteCount, signature65[64] <= 3,
            let context
        else { return nil }
        var signature = secp256k1_ecdsa_recoverable_signature()
        let parsed = secp256k1_ecdsa_recoverable_signature_parse_compact(
            context, &signature, signature65, Int32(signature65[64]))
        guard parsed == 1 else { return nil }
        var key = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(context, &key, &signature, messageHash) == 1 else { return nil }
        return serialize(key, context: context)
    }

    /// The 20-byte address of a 64-byte public key: the last 20 bytes of its Keccak-256.
    package static func address(publicKey: [UInt8]) -> [UInt8] {
        precondition(publicKey.count == publicKeyByteCount, "a public key is 64 bytes (x ‖ y)")
        return Array(Keccak256.hash(publicKey)[12...])
    }

    /// The address of `privateKey`'s public key, or `nil` when the key is invalid.
    package static func address(privateKey: [UInt8]) -> [UInt8]? {
        publicKey(privateKey: privateKey).map { address(publicKey: $0) }
    }

    /// The address that signed `messageHash` with `signature65`, or `nil` for an invalid signature.
    package static func recoverAddress(messageHash: [UInt8], signature65: [UInt8]) -> [UInt8]? {
        recoverPublicKey(messageHash: messageHash, signature65: signature65).map { address(publicKey: $0) }
    }

    /// The key in the 64-byte `x ‖ y` form (the uncompressed encoding without its `0x04` prefix).
    private static func serialize(_ key: secp256k1_pubkey, context: OpaquePointer) -> [UInt8] {
        var key = key
        var encoded = [UInt8](repeating: 0, count: 65)
        var length = 65
        _ = secp256k1_ec_pubkey_serialize(context, &encoded, &length, &key, UInt32(SECP256K1_EC_UNCOMPRESSED))
        return Array(encoded[1..<65])
    }
}
