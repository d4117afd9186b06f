extension Scenario {
    /// The network between validators (opt-in): shard blocks and beacon blocks propagate over gossip overlays with
    /// latency and bandwidth, and a shard block reaching less than 2/3 of its committee before the attestation
    /// deadline is not crosslinked. Without a `network:` section in the file, ``isEnabled`` is `false` and delivery
    /// is instant, as if the section did not exist.
    public struct Network: Hashable, Sendable {
        /// Whether the file has a `network:` section. Not a field: the section's presence sets it.
        public var isEnabled = false
        /// Validators in each shard's committee (the shard's proposer is one of them). Default 128.
        public var committeeSize = 128
        /// Peers each node forwards a block to (the gossip degree D). Default 8; below ``committeeSize``.
        public var gossipDegree = 8
        /// How long a node takes to check a block before forwarding it, per message. Default 20 ms.
        public var processingDelay = TimeSpan(micros: 20_000)
        /// How long after the slot's start the committee attests; a block must reach 2/3 of the committee by then.
        /// Default a third of ``Beacon/slotDuration`` (filled in when the file does not give it).
        public var attestationDeadline = TimeSpan(micros: 4_000_000)
        /// Each node's upload bandwidth, drawn uniformly between the two.
        public var upload = BandwidthRange(min: Bandwidth(megabitsPerSecond: 10), max: Bandwidth(megabitsPerSecond: 25))
        /// Each node's download bandwidth, drawn uniformly between the two.
        public var download = BandwidthRange(
            min: Bandwidth(megabitsPerSecond: 20), max: Bandwidth(megabitsPerSecond: 50))

        /// The defaults (the section off).
        public init() {}
    }

    /// A range of bandwidths drawn uniformly; equal ends give every node the same rate.
    public struct BandwidthRange: Hashable, Sendable {
        /// The lowest rate.
        public var min: Bandwidth
        /// The highest rate.
        public var max: Bandwidth

        /// A range from `min` to `max`.
        public init(min: Bandwidth, max: Bandwidth) {
            self.min = min
            self.max = max
        }
    }
}
