/// xoshiro256** 1.0 (Blackman and Vigna, 2018): a fast generator with 256 bits of state and a period of 2²⁵⁶ − 1.
///
/// A line-for-line port of the reference C code (prng.di.unimi.it/xoshiro256starstar.c), which passes BigCrush and
/// PractRand. Every operation is integer arithmetic, so the sequence is the same on every platform.
package struct Xoshiro256StarStar: RandomNumberGenerator, Equatable {
    private var s0, s1, s2, s3: UInt64

    /// Creates a generator from four state words, which must not all be zero.
    package init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** cannot start from the all-zero state")
        (s0, s1, s2, s3) = state
    }

    /// Creates a generator whose state is the first four outputs of ``SplitMix64`` seeded with `seed`.
    package init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        self.init(state: (seeder.next(), seeder.next(), seeder.next(), seeder.next()))
    }

    /// The four state words, for checkpoints: `init(state:)` with them continues the same sequence.
    package var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    /// The next 64 bits.
    package mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }
}

extension UInt64 {
    /// The bits of `self` rotated left by `count` (0 < count < 64).
    @inline(__always)
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 &- count))
    }
}
