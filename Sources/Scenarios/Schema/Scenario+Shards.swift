extension Scenario {
    /// The shard chains.
    public struct Shards: Hashable, Sendable {
        /// The number of shards. Default 64; 1 to 1024.
        public var count = 64
        /// The most gas a shard block may use. Default 30,000,000 gas; at least 1000 gas.
        public var blockGasLimit = GasAmount(30_000_000)
        /// The largest shard block, transactions and witnesses included. Default 512 KiB; at least 1 KiB.
        public var blockSizeLimit = ByteCount(bytes: 512 << 10)

        /// The defaults.
        public init() {}
    }
}
