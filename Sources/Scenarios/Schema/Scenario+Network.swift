extension Scenario {
    /// The network between validators (opt-in): shard blocks and beacon blocks propagate over gossip overlays with
    /// latency and bandwidth, and a shard block reaching less than 2/3 of its committee before the attestation
    /// deadline is not crosslinked. Without a `network:` section in the file, ``isEnabled`` is `false` and delivery
    /// is instant, as if the section did not exist.
    package struct Network: Hashable, Sendable {
        /// Whether the file has a `network:` section. Not a field: the section's presence sets it.
        package var isEnabled = false
        /// Validators in each shard's committee (the shard's proposer is one of them). Default 128.
        package var committeeSize = 128
        /// Peers each node forwards a block to (the gossip degree D). Default 8; below ``committeeSize``.
        package var gossipDegree = 8
        /// How long a node takes to check a block before forwarding it, per message. Default 20 ms.
        package var processingDelay = TimeSpan(micros: 20_000)
        /// How long after the slot's start the committee attests; a block must reach 2/3 of the committee by then.
        /// Default a third of ``Beacon/slotDuration`` (filled in when the file does not give it).
        package var attestationDeadline = TimeSpan(micros: 4_000_000)
        /// Each node's upload bandwidth, drawn uniformly between the two.
        package var upload = BandwidthRange(
            min: Bandwidth(megabitsPerSecond: 10), max: Bandwidth(megabitsPerSecond: 25))
        /// Each node's download bandwidth, drawn uniformly between the two.
        package var download = BandwidthRange(
            min: Bandwidth(megabitsPerSecond: 20), max: Bandwidth(megabitsPerSecond: 50))

        /// The defaults (the section off).
        package init() {}
    }

    /// A range of bandwidths drawn uniformly; equal ends give every node the same rate.
    package struct BandwidthRange: Hashable, Sendable {
        /// The lowest rate.
        package var min: Bandwidth
        /// The highest rate.
        package var max: Bandwidth

        /// A range from `min` to `max`.
        package init(min: Bandwidth, max: Bandwidth) {
            self.min = min
            self.max = max
        }
    }
}
