extension Scenario {
    /// The beacon chain stub: the slot clock and the proposers.
    package struct Beacon: Hashable, Sendable {
        /// The length of a slot. Default 12 s; must be positive.
        package var slotDuration = TimeSpan(seconds: 12)
        /// Slots per epoch. Default 32; 1 to 1024.
        package var slotsPerEpoch = 32
        /// The chance that a shard's proposer for a slot is offline, so the shard misses that slot's block.
        /// Default 0 %.
        package var proposerOfflineRate = Fraction.zero

        /// The defaults.
        package init() {}
    }
}
