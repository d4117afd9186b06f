extension Scenario {
    /// The wasm runtime's limits and the conversion from gas to simulated time.
    package struct Execution: Hashable, Sendable {
        /// The most gas one EE execution may use before it is stopped (and its transaction reverted). Default
        /// 10,000,000 gas; at least 1 gas.
        package var gasLimitPerExecution = GasAmount(10_000_000)
        /// The most linear memory one EE instance may grow to. Default 16 MiB; 64 KiB (one wasm page) to 4 GiB.
        package var memoryLimit = ByteCount(bytes: 16 << 20)
        /// Worker threads for executing shard blocks in parallel; 0 means one per core. Default 0; 0 to 1024.
        /// Results never depend on it.
        package var threads = 0
        /// How fast execution advances simulated time: a block using G gas takes G ÷ this many seconds. Simulated
        /// time comes from gas, never from the wall clock. Default 100,000,000 gas; at least 1 gas.
        package var gasPerSecond = GasAmount(100_000_000)

        /// The defaults.
        package init() {}
    }
}
