// Keccak-256 with Ethereum's padding (0x01 … 0x80), computed inside wasm: no host hashing.
//
// The permutation follows the structure of tiny_sha3 (theta, rho+pi through the PILN/ROTC tables, chi,
// iota). wasm32 is little-endian, so the state's 64-bit lanes are XORed with the input bytes in place.

/// Round constants of keccak-f[1600] (iota).
private let roundConstants: [UInt64] = [
    0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
    0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
    0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
    0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
    0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
    0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
]

/// Rotation offsets (rho), in the order lanes are visited by `piLanes`.
private let rotationOffsets: [UInt64] = [
    1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
]

/// Lane permutation (pi).
private let piLanes: [Int] = [
    10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
]

@inline(__always)
private func rotl64(_ x: UInt64, _ n: UInt64) -> UInt64 {
    (x &<< n) | (x &>> (64 &- n))
}

/// keccak-f[1600] on 25 little-endian lanes.
func keccakF1600(_ st: UnsafeMutablePointer<UInt64>) {
    var bc0: UInt64 = 0, bc1: UInt64 = 0, bc2: UInt64 = 0, bc3: UInt64 = 0, bc4: UInt64 = 0
    for round in 0..<24 {
        // theta
        bc0 = st[0] ^ st[5] ^ st[10] ^ st[15] ^ st[20]
        bc1 = st[1] ^ st[6] ^ st[11] ^ st[16] ^ st[21]
        bc2 = st[2] ^ st[7] ^ st[12] ^ st[17] ^ st[22]
        bc3 = st[3] ^ st[8] ^ st[13] ^ st[18] ^ st[23]
        bc4 = st[4] ^ st[9] ^ st[14] ^ st[19] ^ st[24]
        let t0 = bc4 ^ rotl64(bc1, 1)
        let t1 = bc0 ^ rotl64(bc2, 1)
        let t2 = bc1 ^ rotl64(bc3, 1)
        let t3 = bc2 ^ rotl64(bc4, 1)
        let t4 = bc3 ^ rotl64(bc0, 1)
        var j = 0
        while j < 25 {
            st[j] ^= t0
            st[j + 1] ^= t1
            st[j + 2] ^= t2
            st[j + 3] ^= t3
            st[j + 4] ^= t4
            j += 5
        }
        // rho and pi
        var carried = st[1]
        for i in 0..<24 {
            let lane = piLanes[i]
            let next = st[lane]
            st[lane] = rotl64(carried, rotationOffsets[i])
            carried = next
        }
        // chi
        j = 0
        while j < 25 {
            bc0 = st[j]
            bc1 = st[j + 1]
            bc2 = st[j + 2]
            bc3 = st[j + 3]
            bc4 = st[j + 4]
            st[j] = bc0 ^ (~bc1 & bc2)
            st[j + 1] = bc1 ^ (~bc2 & bc3)
            st[j + 2] = bc2 ^ (~bc3 & bc4)
            st[j + 3] = bc3 ^ (~bc4 & bc0)
            st[j + 4] = bc4 ^ (~bc0 & bc1)
            j += 5
        }
        // iota
        st[0] ^= roundConstants[round]
    }
}

/// Writes Keccak-256 of `input[0..<count]` (Ethereum's padding) as 32 bytes at `out`.
func keccak256(_ input: UnsafeRawPointer, _ count: Int, _ out: UnsafeMutableRawPointer) {
    let rate = 136  // bytes: 1600 − 2 × 256 bits
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 25) { lanes in
        let st = lanes.baseAddress!
        st.initialize(repeating: 0, count: 25)
        let bytes = UnsafeMutableRawPointer(st).assumingMemoryBound(to: UInt8.self)
        var offset = 0
        while count - offset >= rate {
            for i in 0..<rate {
                bytes[i] ^= input.load(fromByteOffset: offset + i, as: UInt8.self)
            }
            keccakF1600(st)
            offset += rate
        }
        let tail = count - offset
        for i in 0..<tail {
            bytes[i] ^= input.load(fromByteOffset: offset + i, as: UInt8.self)
        }
        bytes[tail] ^= 0x01
        bytes[rate - 1] ^= 0x80
        keccakF1600(st)
        out.copyMemory(from: UnsafeRawPointer(st), byteCount: 32)
    }
}
