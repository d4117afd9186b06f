/// Keccak-256 with Ethereum's padding (0x01 … 0x80), as opposed to FIPS-202 SHA3-256 (0x06 … 0x80).
///
/// Written by hand because no package available to the project provides it: swift-crypto's `SHA3_256` pads
/// differently and gives other digests (see toolchain notes). The permutation follows the Keccak reference
/// (FIPS-202 §3.2): theta, rho and pi, chi, iota over 24 rounds.
///
/// It is on the simulator's hottest path (every Merkle node, leaf, signed message and address, natively and for the
/// EEs' `keccak256` precompile), so it allocates nothing but the returned digest: the 25 lanes live in a stack
/// buffer, a round works on 25 local variables written out in full (theta, rho and pi combined, chi, iota), and
/// ``hash(_:into:)`` writes the digest straight into a caller's buffer, such as guest memory.
package enum Keccak256 {
    /// The digest length in bytes.
    package static let digestByteCount = 32
    /// Bytes absorbed per permutation (1600 − 2·256 bits).
    private static let rate = 136

    /// The Keccak-256 digest of `input`.
    package static func hash(_ input: some Collection<UInt8>) -> [UInt8] {
        if let digest = input.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(input).withUnsafeBytes { hash($0) }
    }

    /// The Keccak-256 digest of the bytes in `input`.
    package static func hash(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: digestByteCount) { digest, count in
            hash(input, into: UnsafeMutableRawBufferPointer(digest))
            count = digestByteCount
        }
    }

    /// Writes the Keccak-256 digest of `input` into the first 32 bytes of `output`, allocating nothing.
    ///
    /// `input` and `output` may overlap: the input is fully absorbed before the digest is written.
    ///
    /// - Precondition: `output.count >= 32`.
    package static func hash(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= digestByteCount, "a Keccak-256 digest needs 32 bytes")
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 25) { buffer in
            let lanes = buffer.baseAddress!
            lanes.initialize(repeating: 0, count: 25)
            var offset = 0
            // Absorb every full block.
            while input.count - offset >= rate {
                xorBlock(lanes, input, from: offset, count: rate)
                permute(lanes)
                offset += rate
            }
            // The last, partial block with the multi-rate padding.
            let remaining = input.count - offset
            xorBlock(lanes, input, from: offset, count: remaining)
            xorByte(lanes, at: remaining, 0x01)
            xorByte(lanes, at: rate - 1, 0x80)
            permute(lanes)
            for i in 0..<(digestByteCount / 8) {
                output.storeBytes(of: lanes[i].littleEndian, toByteOffset: 8 * i, as: UInt64.self)
            }
        }
    }

    @inline(__always)
    private static func xorByte(_ lanes: UnsafeMutablePointer<UInt64>, at index: Int, _ byte: UInt8) {
        lanes[index / 8] ^= UInt64(byte) << (8 * UInt64(index % 8))
    }

    @inline(__always)
    private static func xorBlock(
        _ lanes: UnsafeMutablePointer<UInt64>, _ input: UnsafeRawBufferPointer, from offset: Int, count: Int
    ) {
        guard count > 0, let base = input.baseAddress else { return }
        var i = 0
        while i + 8 <= count {
            lanes[i / 8] ^= UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + i, as: UInt64.self))
            i += 8
        }
        while i < count {
            xorByte(lanes, at: i, base.load(fromByteOffset: offset + i, as: UInt8.self))
            i += 1
        }
    }

    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &<< n) | (x &>> (64 &- n)) }

    /// Keccak-f[1600] on 25 little-endian lanes, lane (x, y) at index x + 5y.
    ///
    /// Each round is written out over local variables so the lanes stay in registers: `c` are the column parities
    /// and `d` the theta terms; `b` is the state after theta, rho (the rotation of lane (x, y), FIPS-202 table 2)
    /// and pi (lane (x, y) moves to (y, 2x + 3y)); chi then mixes each row of `b` back into `a`, and iota adds the
    /// round constant. The statements were generated from those three rules, not typed lane by lane.
    private static func permute(_ lanes: UnsafeMutablePointer<UInt64>) {
        var a0 = lanes[0]
        var a1 = lanes[1]
        var a2 = lanes[2]
        var a3 = lanes[3]
        var a4 = lanes[4]
        var a5 = lanes[5]
        var a6 = lanes[6]
        var a7 = lanes[7]
        var a8 = lanes[8]
        var a9 = lanes[9]
        var a10 = lanes[10]
        var a11 = lanes[11]
        var a12 = lanes[12]
        var a13 = lanes[13]
        var a14 = lanes[14]
        var a15 = lanes[15]
        var a16 = lanes[16]
        var a17 = lanes[17]
        var a18 = lanes[18]
        var a19 = lanes[19]
        var a20 = lanes[20]
        var a21 = lanes[21]
        var a22 = lanes[22]
        var a23 = lanes[23]
        var a24 = lanes[24]
        roundConstants.withUnsafeBufferPointer { constants in
            for round in 0..<24 {
                let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
                let c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
                let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
                let c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
                let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
                let d0 = c4 ^ rotateLeft(c1, 1)
                let d1 = c0 ^ rotateLeft(c2, 1)
                let d2 = c1 ^ rotateLeft(c3, 1)
                let d3 = c2 ^ rotateLeft(c4, 1)
                let d4 = c3 ^ rotateLeft(c0, 1)
                let b0 = a0 ^ d0
                let b1 = rotateLeft(a6 ^ d1, 44)
                let b2 = rotateLeft(a12 ^ d2, 43)
                let b3 = rotateLeft(a18 ^ d3, 21)
                let b4 = rotateLeft(a24 ^ d4, 14)
                let b5 = rotateLeft(a3 ^ d3, 28)
                let b6 = rotateLeft(a9 ^ d4, 20)
                let b7 = rotateLeft(a10 ^ d0, 3)
                let b8 = rotateLeft(a16 ^ d1, 45)
                let b9 = rotateLeft(a22 ^ d2, 61)
                let b10 = rotateLeft(a1 ^ d1, 1)
                let b11 = rotateLeft(a7 ^ d2, 6)
                let b12 = rotateLeft(a13 ^ d3, 25)
                let b13 = rotateLeft(a19 ^ d4, 8)
                let b14 = rotateLeft(a20 ^ d0, 18)
                let b15 = rotateLeft(a4 ^ d4, 27)
                let b16 = rotateLeft(a5 ^ d0, 36)
                let b17 = rotateLeft(a11 ^ d1, 10)
                let b18 = rotateLeft(a17 ^ d2, 15)
                let b19 = rotateLeft(a23 ^ d3, 56)
                let b20 = rotateLeft(a2 ^ d2, 62)
                let b21 = rotateLeft(a8 ^ d3, 55)
                let b22 = rotateLeft(a14 ^ d4, 39)
                let b23 = rotateLeft(a15 ^ d0, 41)
                let b24 = rotateLeft(a21 ^ d1, 2)
                a0 = b0 ^ (~b1 & b2)
                a1 = b1 ^ (~b2 & b3)
                a2 = b2 ^ (~b3 & b4)
                a3 = b3 ^ (~b4 & b0)
                a4 = b4 ^ (~b0 & b1)
                a5 = b5 ^ (~b6 & b7)
                a6 = b6 ^ (~b7 & b8)
                a7 = b7 ^ (~b8 & b9)
                a8 = b8 ^ (~b9 & b5)
                a9 = b9 ^ (~b5 & b6)
                a10 = b10 ^ (~b11 & b12)
                a11 = b11 ^ (~b12 & b13)
                a12 = b12 ^ (~b13 & b14)
                a13 = b13 ^ (~b14 & b10)
                a14 = b14 ^ (~b10 & b11)
                a15 = b15 ^ (~b16 & b17)
                a16 = b16 ^ (~b17 & b18)
                a17 = b17 ^ (~b18 & b19)
                a18 = b18 ^ (~b19 & b15)
                a19 = b19 ^ (~b15 & b16)
                a20 = b20 ^ (~b21 & b22)
                a21 = b21 ^ (~b22 & b23)
                a22 = b22 ^ (~b23 & b24)
                a23 = b23 ^ (~b24 & b20)
                a24 = b24 ^ (~b20 & b21)
                a0 ^= constants[round]
            }
        }
        lanes[0] = a0
        lanes[1] = a1
        lanes[2] = a2
        lanes[3] = a3
        lanes[4] = a4
        lanes[5] = a5
        lanes[6] = a6
        lanes[7] = a7
        lanes[8] = a8
        lanes[9] = a9
        lanes[10] = a10
        lanes[11] = a11
        lanes[12] = a12
        lanes[13] = a13
        lanes[14] = a14
        lanes[15] = a15
        lanes[16] = a16
        lanes[17] = a17
        lanes[18] = a18
        lanes[19] = a19
        lanes[20] = a20
        lanes[21] = a21
        lanes[22] = a22
        lanes[23] = a23
        lanes[24] = a24
    }
}
