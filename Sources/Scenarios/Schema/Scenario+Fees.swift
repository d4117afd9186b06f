extension Scenario {
    /// The EIP-1559 fee market of each shard: base fee burned, priority fee to the proposer.
    ///
    /// The gas target is derived, not set: ``Scenario/targetGasPerBlock`` is the block gas limit divided by
    /// ``elasticity``, as in EIP-1559, so the two can never disagree.
    package struct Fees: Hashable, Sendable {
        /// The block gas limit divided by the gas target. Default 2; 1 to 100.
        package var elasticity = 2
        /// How fast the base fee moves: at most 1/denominator per block. Default 8; 1 to 1,000,000.
        package var baseFeeChangeDenominator = 8
        /// The base fee per gas of every shard at genesis. Default 1 gwei.
        package var initialBaseFee = EtherAmount(gwei: 1)
        /// The name of the fee-market EE in ``Scenario/ees``; empty (the default) turns the fee market off: blocks
        /// take the oldest transactions and nobody pays fees. Its `accountsPerShard` is the number of relayers per
        /// shard, which share its `genesisBalancePerShard` equally as deposits.
        package var ee = ""
        /// How long a user transaction may wait before it expires unincluded. Default 10 min.
        package var transactionTimeout = TimeSpan(micros: 600_000_000)
        /// What a relayer charges a user per byte of witness it attaches (paid off-chain). Default 1 gwei.
        package var witnessFeePerByte = EtherAmount(gwei: 1)

        /// The defaults.
        package init() {}
    }
}
