/// Keccak-256 with Ethereum's padding (0x01 … 0x80), as opposed to FIPS-202 SHA3-256 (0x06 … 0x80).
///
/// Written by hand because no package available to the project provides it: swift-crypto's `SHA3_256` pads
/// differently and gives other digests (see toolchain notes). The permutation follows the Keccak reference
/// (FIPS-202 §3.2): theta, rho and pi, chi, iota over 24 rounds.
package enum Keccak256 {
    /// The digest length in bytes.
    package static let digestByteCount = 32
    /// Bytes absorbed per permutation (1600 − 2·256 bits).
    private static let rate = 136

    /// The Keccak-256 digest of `input`.
    package static func hash(_ input: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(input)
        return bytes.withUnsafeBytes { hash(UnsafeRawBufferPointer($0)) }
    }

    /// The Keccak-256 digest of the bytes in `input`.
    package static func hash(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var state = [UInt64](repeating: 0, count: 25)
        state.withUnsafeMutableBufferPointer { st in
            let lanes = st.baseAddress!
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
        }
        var digest = [UInt8](repeating: 0, count: digestByteCount)
        for i in 0..<digestByteCount {
            digest[i] = UInt8(truncatingIfNeeded: state[i / 8] >> (8 * UInt64(i % 8)))
        }
        return digest
    }

    @inline(__always)
    private static func xorByte(_ lanes: UnsafeMutablePointer<UInt64>, at index: Int, _ byte: UInt8) {
        lanes[index / 8] ^= UInt64(byte) << (8 * UInt64(index % 8))
    }

    private static func xorBlock(
        _ lanes: UnsafeMutablePointer<UInt64>, _ input: UnsafeRawBufferPointer, from offset: Int, count: Int
    ) {
        var i = 0
        while i + 8 <= count {
            lanes[i / 8] ^= UInt64(littleEndian: input.loadUnaligned(fromByteOffset: offset + i, as: UInt64.self))
            i += 8
        }
        while i < count {
            xorByte(lanes, at: i, input[offset + i])
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

    /// Rotation offsets for rho, in the order pi visits the lanes.
    private static let rotations: [UInt64] = [
        1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
    ]

    /// The lane each pi step moves to.
    private static let piLanes: [Int] = [
        10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
    ]

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &<< n) | (x &>> (64 &- n)) }

    /// Keccak-f[1600] on 25 little-endian lanes.
    private static func permute(_ st: UnsafeMutablePointer<UInt64>) {
        var column = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for round in 0..<24 {
            // Theta: mix each column's parity into its neighbours.
            column.0 = st[0] ^ st[5] ^ st[10] ^ st[15] ^ st[20]
            column.1 = st[1] ^ st[6] ^ st[11] ^ st[16] ^ st[21]
            column.2 = st[2] ^ st[7] ^ st[12] ^ st[17] ^ st[22]
            column.3 = st[3] ^ st[8] ^ st[13] ^ st[18] ^ st[23]
            column.4 = st[4] ^ st[9] ^ st[14] ^ st[19] ^ st[24]
            let d0 = column.4 ^ rotateLeft(column.1, 1)
            let d1 = column.0 ^ rotateLeft(column.2, 1)
            let d2 = column.1 ^ rotateLeft(column.3, 1)
            let d3 = column.2 ^ rotateLeft(column.4, 1)
            let d4 = column.3 ^ rotateLeft(column.0, 1)
            for y in stride(from: 0, to: 25, by: 5) {
                st[y] ^= d0
                st[y + 1] ^= d1
                st[y + 2] ^= d2
                st[y + 3] ^= d3
                st[y + 4] ^= d4
            }
            // Rho and pi: rotate each lane and move it to its new position.
            var carried = st[1]
            for i in 0..<24 {
                let target = piLanes[i]
                let saved = st[target]
                st[target] = rotateLeft(carried, rotations[i])
                carried = saved
            }
            // Chi: the only non-linear step, row by row.
            for y in stride(from: 0, to: 25, by: 5) {
                let a0 = st[y], a1 = st[y + 1], a2 = st[y + 2], a3 = st[y + 3], a4 = st[y + 4]
                st[y] = a0 ^ (~a1 & a2)
                st[y + 1] = a1 ^ (~a2 & a3)
                st[y + 2] = a2 ^ (~a3 & a4)
                st[y + 3] = a3 ^ (~a4 & a0)
                st[y + 4] = a4 ^ (~a0 & a1)
            }
            // Iota.
            st[0] ^= roundConstants[round]
        }
    }
}
