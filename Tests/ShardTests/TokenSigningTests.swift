import Beacon
import Testing

@testable import Shard

/// Signing, recovery, addresses and key derivation agree with Ethereum's conventions and with each other.
@Suite struct TokenSigningTests {
    @Test("Private key 1 has Ethereum's well-known address 0x7e5f…5bdf")
    func knownAddress() throws {
        let key = [UInt8](repeating: 0, count: 31) + [1]
        let address = try #require(Secp256k1.address(privateKey: key))
        #expect(HexCoding.encode(address) == "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
    }

    @Test("A signature recovers the signer's public key and address")
    func roundTrip() throws {
        let key = TokenSigning.privateKey(seed: 7, shard: ShardID(3), account: 11)
        let message = Keccak256.hash(Array("hello".utf8))
        let signature = try #require(Secp256k1.sign(messageHash: message, privateKey: key))
        #expect(signature.count == 65 && signature[64] <= 1)
        let recovered = try #require(Secp256k1.recoverPublicKey(messageHash: message, signature65: signature))
        #expect(recovered == Secp256k1.publicKey(privateKey: key))
        #expect(
            Secp256k1.recoverAddress(messageHash: message, signature65: signature) == Secp256k1.address(privateKey: key)
        )
    }

    @Test("Signing is deterministic (RFC 6979)")
    func deterministic() throws {
        let key = TokenSigning.privateKey(seed: 1, shard: ShardID(0), account: 0)
        let message = Keccak256.hash([1, 2, 3])
        #expect(
            Secp256k1.sign(messageHash: message, privateKey: key)
                == Secp256k1.sign(messageHash: message, privateKey: key)
        )
    }

    @Test("A changed message or signature recovers another address or none")
    func tampered() throws {
        let key = TokenSigning.privateKey(seed: 1, shard: ShardID(0), account: 0)
        let address = try #require(Secp256k1.address(privateKey: key))
        let message = Keccak256.hash([1, 2, 3])
        let signature = try #require(Secp256k1.sign(messageHash: message, privateKey: key))
        var otherMessage = message
        otherMessage[0] ^= 1
        #expect(Secp256k1.recoverAddress(messageHash: otherMessage, signature65: signature) != address)
        var otherSignature = signature
        otherSignature[10] ^= 0x40
        #expect(Secp256k1.recoverAddress(messageHash: message, signature65: otherSignature) != address)
    }

    @Test(
        "Invalid signatures recover nothing",
        arguments: [
            [UInt8](repeating: 0, count: 65),  // r = s = 0
            [UInt8](repeating: 0xff, count: 64) + [0],  // r, s above the group order
            [UInt8](repeating: 1, count: 64) + [4],  // recovery id out of range
            [UInt8](repeating: 1, count: 64),  // too short
        ]
    )
    func invalidSignatures(signature: [UInt8]) {
        #expect(Secp256k1.recoverPublicKey(messageHash: Keccak256.hash([0]), signature65: signature) == nil)
    }

    @Test("Keys derive deterministically and differ per seed, shard and account")
    func keyDerivation() {
        let key = TokenSigning.privateKey(seed: 5, shard: ShardID(2), account: 9)
        #expect(key == TokenSigning.privateKey(seed: 5, shard: ShardID(2), account: 9))
        #expect(Secp256k1.isValidPrivateKey(key))
        #expect(key != TokenSigning.privateKey(seed: 6, shard: ShardID(2), account: 9))
        #expect(key != TokenSigning.privateKey(seed: 5, shard: ShardID(3), account: 9))
        #expect(key != TokenSigning.privateKey(seed: 5, shard: ShardID(2), account: 10))
    }

    @Test("A transaction signed for one shard does not verify for another")
    func shardIsSigned() throws {
        let key = TokenSigning.privateKey(seed: 5, shard: ShardID(2), account: 9)
        let transfer = TokenTransfer(from: 9, to: 1, amount: Gwei(5), nonce: 0).signed(with: key, shard: ShardID(2))
        let address = try #require(Secp256k1.address(privateKey: key))
        #expect(
            TokenSigning.signer(of: transfer.signedBytes, shard: ShardID(2), signature: transfer.signature) == address
        )
        #expect(
            TokenSigning.signer(of: transfer.signedBytes, shard: ShardID(3), signature: transfer.signature) != address
        )
    }
}
