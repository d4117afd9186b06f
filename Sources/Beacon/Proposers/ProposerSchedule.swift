/// Who proposes each shard's block in each slot, and whether they are online.
///
/// Deterministic from the seed: the draw for (shard, slot) is a pure function of the three, so the schedule is the
/// same whatever order shards are processed in and however many threads do it. An offline proposer produces no
/// block: the slot is missed on that shard.
package struct ProposerSchedule: Sendable, Hashable {
    /// The number of validators proposers are drawn from.
    package let validatorCount: UInt64
    /// The probability that a proposer is offline, in [0, 1].
    package let offlineRate: Double
    private let seed: UInt64

    /// Creates a schedule; `offlineRate` is clamped to [0, 1].
    package init(seed: UInt64, validatorCount: UInt64 = 16_384, offlineRate: Double) {
        self.seed = seed
        self.validatorCount = max(1, validatorCount)
        self.offlineRate = min(1, max(0, offlineRate))
    }

    /// The proposer of `shard` in `slot`, or `nil` if that proposer is offline (a missed slot).
    package func proposer(of shard: ShardID, in slot: Slot) -> ValidatorIndex? {
        let draw = Self.mix(seed ^ Self.mix(UInt64(shard.index) &+ 0x9E37_79B9_7F4A_7C15 &* (slot.number &+ 1)))
        let online = Double(Self.mix(draw) >> 11) * 0x1.0p-53 >= offlineRate
        return online ? ValidatorIndex(draw % validatorCount) : nil
    }

    /// SplitMix64's finalizer: a fixed, well-mixed bijection on 64 bits.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The index of a validator in the beacon state.
package struct ValidatorIndex: Hashable, Sendable, CustomStringConvertible {
    /// The index.
    package let index: UInt64

    /// Creates a validator index.
    package init(_ index: UInt64) { self.index = index }

    package var description: String { "validator \(index)" }
}
