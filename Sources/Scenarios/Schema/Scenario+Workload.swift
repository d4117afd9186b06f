extension Scenario {
    /// The users and their transactions.
    package struct Workload: Hashable, Sendable {
        /// The EEs (in ``Scenario/ees``) that users transact with, and their shares of the arrivals: one name, or
        /// names separated by commas, each optionally `*WEIGHT` (``WorkloadMix``). Default: the first EE's name.
        package var ee = "token"
        /// The mean number of new transactions per shard per slot (Poisson arrivals). Default 100; 0 to 1,000,000.
        package var transactionsPerSlot = FixedDecimal(100)
        /// The share of transfers whose recipient is on another shard. Default 20 %.
        package var crossShardFraction = Fraction(percent: 20)
        /// The share of transfers whose recipient is a user of another workload EE (drawn by the EEs' weights among
        /// the others), on the same or another shard as ``crossShardFraction`` decides. Default 0 %; needs at least
        /// two workload EEs to be above 0.
        package var crossEEFraction = Fraction.zero
        /// The exponent of the Zipf law that picks senders and recipients among accounts; 0 is uniform. Default 1;
        /// 0 to 10.
        package var zipfExponent = FixedDecimal(1)
        /// Where popular users sit among an EE's accounts: `hashed` (a keyed pseudorandom permutation of the
        /// accounts, so tree position is independent of popularity, as with hashed keys) or `dense` (the most
        /// popular user is account 0, the next account 1, …: neighbours in the tree). Default `hashed`.
        package var accountPlacement = "hashed"
        /// The range of transfer amounts, drawn uniformly.
        package var amount = AmountRange()
        /// Deliberately faulty transactions, to exercise the rejection paths. Default: none.
        package var faults = Faults()
        /// The priority fee per gas users offer the proposer. Default 1 gwei.
        package var priorityFeePerGas = EtherAmount(gwei: 1)
        /// The most users pay per gas, base fee included. Default 100 gwei; at least 1 gwei.
        package var maxFeePerGas = EtherAmount(gwei: 100)
        /// How each user picks its fees: `fixed` (exactly ``priorityFeePerGas`` and ``maxFeePerGas``) or `uniform`
        /// (priority uniform in 0…2× ``priorityFeePerGas``, cap uniform in ½…1½× ``maxFeePerGas``). Default `fixed`.
        package var feeStrategy = "fixed"
        /// A period of changed demand on some shards. Default: none.
        package var spike = Spike()

        /// The defaults.
        package init() {}
    }

    /// A period during which some shards' arrival rate is multiplied: `from` ≤ time < `until`, on `shards`.
    package struct Spike: Hashable, Sendable {
        /// When the spike starts, from genesis. Default 0 s.
        package var from = TimeSpan(micros: 0)
        /// When it ends (exclusive). Default 0 s: no spike.
        package var until = TimeSpan(micros: 0)
        /// The factor on `transactionsPerSlot` during the spike. Default 1; 0 to 1,000.
        package var multiplier = FixedDecimal(1)
        /// The shards affected: comma-separated ids and ranges (`0-3,7`). Default empty: none.
        package var shards = ""

        /// The defaults.
        package init() {}
    }

    /// Shares of deliberately faulty transactions, all 0% by default: per user transaction, a bad signature, a
    /// replayed nonce or an overdraft; per block, a replayed receipt and a forged witness.
    package struct Faults: Hashable, Sendable {
        /// Transactions whose signature is corrupted.
        package var badSignature = Fraction.zero
        /// Transactions signed with a nonce already used.
        package var replayedNonce = Fraction.zero
        /// Transactions sending more than the sender has.
        package var overdraft = Fraction.zero
        /// Blocks that try to claim again a receipt already processed.
        package var replayedReceipt = Fraction.zero
        /// Blocks whose witness has one balance forged, so the whole execution fails.
        package var forgedWitness = Fraction.zero
    }

    /// An inclusive range of ETH amounts.
    package struct AmountRange: Hashable, Sendable {
        /// The smallest amount. Default 0.001 ETH; at least 1 gwei.
        package var min = EtherAmount(gwei: 1_000_000)
        /// The largest amount. Default 1 ETH; at least `min`.
        package var max = EtherAmount(eth: 1)

        /// The defaults.
        package init() {}
    }
}
