/// The 64-bit FNV-1a hash, used to turn a random stream's name into a number.
///
/// Chosen because it is fixed forever and trivial to reimplement: unlike Swift's `Hasher`, which is seeded afresh in
/// every process, it gives the same value on every machine and in every run. It is not a strong mixer on its own;
/// ``RandomStream`` passes its output through SplitMix64.
package enum FNV1a64 {
    /// The FNV-1a offset basis for 64 bits.
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV prime for 64 bits.
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`: for each byte, xor it in, then multiply by the prime (mod 2⁶⁴).
    package static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }
}
