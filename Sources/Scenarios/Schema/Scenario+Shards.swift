extension Scenario {
    /// The shard chains.
    package struct Shards: Hashable, Sendable {
        /// The number of shards. Default 64; 1 to 1024.
        package var count = 64
        /// The most gas a shard block may use. Default 30,000,000 gas; at least 1000 gas.
        package var blockGasLimit = GasAmount(30_000_000)
        /// The largest shard block, transactions and witnesses included. Default 512 KiB; at least 1 KiB.
        package var blockSizeLimit = ByteCount(bytes: 512 << 10)

        /// The defaults.
        package init() {}
    }
}
