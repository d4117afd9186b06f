import Beacon
import Testing

@testable import Shard

/// Keccak-256 gives Ethereum's digests (padding 0x01 … 0x80) for many input lengths, through every entry point,
/// on either side of the 136-byte block boundary (the published vectors are in `Keccak256Tests`).
@Suite struct Keccak256LengthTests {
    /// Digests of `(i * 7 + 3) mod 256` for i in 0 ..< length, from an independent implementation (pycryptodome's
    /// `Crypto.Hash.keccak`, digest_bits 256).
    static let vectors: [(length: Int, digest: String)] = [
        (0, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        (1, "69c322e3248a5dfc29d73c5b0553b0185a35cd5bb6386747517ef7e53b15e287"),
        (31, "8522dc30be01c01348c0591309ac2948c9ae4ce02facbb745f85a5297286d3dd"),
        (32, "04d1b47ed3b04c5ff6a0280293cb2ab55bd297c9c2e0c3449831b419285d7df2"),
        (55, "152cc5298108a3ec3a26e0c5aead9c2770c184a6bdf87eb087716b185c8e2238"),
        (64, "0251cf13aa5b18f1cbda7cddbe85f3dc536fc93df590c2d20ca9b28af1ed2c39"),
        (135, "00ef96af9cf4b24c7f269d922294444a197d0a33638c2e56634c57e892103a8f"),
        (136, "742061bcad767ed4c4f5883b1dcb1aad11afdcc140dc469d953759b127b9f9ed"),
        (137, "e3371f61e770abf254c34239c3b0099ad90594507415bc81dd0a10b9692bbf2a"),
        (271, "4401c4afbe16ff911bdbf2d38e556e5b861f3fdf0f9d4306b1c46f6ae4f73584"),
        (272, "ac141fd7b0a0ffcd2e967254d508da3ec616596493c36fa304425647d90e6de5"),
        (1000, "80cdc8dd52cbb3dbaea8f383209893fa2bb52efbd5aedbb4b26dcfe307fcdc9b"),
    ]

    static func input(_ length: Int) -> [UInt8] { (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) } }

    @Test("Known answers for lengths around the block boundary", arguments: vectors)
    func knownAnswers(_ vector: (length: Int, digest: String)) {
        let input = Self.input(vector.length)
        #expect(HexCoding.encode(Keccak256.hash(input)) == vector.digest, "length \(vector.length)")
        // A non-contiguous collection takes the copying path.
        #expect(HexCoding.encode(Keccak256.hash(input.lazy.map { $0 })) == vector.digest, "length \(vector.length)")
    }

    @Test("Well-known digests: \"abc\" and the quick brown fox")
    func wellKnown() {
        #expect(
            HexCoding.encode(Keccak256.hash(Array("abc".utf8)))
                == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        #expect(
            HexCoding.encode(Keccak256.hash(Array("The quick brown fox jumps over the lazy dog".utf8)))
                == "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")
    }

    @Test("Hashing into a buffer writes the same digest, even over its own input")
    func hashInto() {
        for vector in Self.vectors {
            var buffer = Self.input(vector.length) + [UInt8](repeating: 0xEE, count: 40)
            buffer.withUnsafeMutableBytes { bytes in
                // The digest overwrites the start of the input it is computed from.
                Keccak256.hash(UnsafeRawBufferPointer(rebasing: bytes[0..<vector.length]), into: bytes)
            }
            #expect(HexCoding.encode(Array(buffer[0..<32])) == vector.digest, "length \(vector.length)")
        }
    }
}
