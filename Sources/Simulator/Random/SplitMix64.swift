/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose output function is a strong 64-bit mixer.
///
/// Used only to derive seeds: it spreads a run seed and a name hash over xoshiro256**'s 256-bit state, as the
/// xoshiro authors recommend. Its output is a bijection of its counter, so four consecutive outputs are never all
/// zero, the one state xoshiro must avoid.
package struct SplitMix64: RandomNumberGenerator {
    /// The counter; it advances by the golden-ratio increment on every draw.
    package private(set) var state: UInt64

    /// Creates a generator whose first draw mixes `seed + 0x9e3779b97f4a7c15`.
    package init(seed: UInt64) { state = seed }

    /// The next 64 bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// The SplitMix64 finalizer: a bijection on 64-bit values in which every input bit affects every output bit.
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
