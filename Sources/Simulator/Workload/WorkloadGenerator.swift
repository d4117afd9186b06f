import Beacon

/// The users of one shard: Poisson arrivals of transfers between Zipf-popular accounts.
///
/// Each shard has its own random stream (`workload/shard-N`), so the draws of one shard do not depend on how many
/// other shards there are or in which order they are simulated.
struct WorkloadGenerator {
    private let shard: ShardID
    private let shardCount: Int
    /// The users' draws; read and set by checkpoints (everything else is derived from the settings).
    var stream: RandomStream
    private let accounts: ZipfDistribution
    private let meanGap: Double
    private let crossShardFraction: Double
    private let amountRange: ClosedRange<UInt64>

    /// The users of `shard`; `accountCount` accounts on every shard, `transactionsPerSlot` arrivals per slot on
    /// average.
    init(shard: ShardID, settings: SimulationSettings, accountCount: Int, streams: RandomStreams) {
        self.shard = shard
        shardCount = settings.shardCount
        stream = streams.make("workload/shard-\(shard.index)")
        accounts = ZipfDistribution(count: max(1, accountCount), exponent: settings.zipfExponent)
        meanGap =
            settings.transactionsPerSlot > 0
            ? Double(settings.clock.slotDuration.micros) / settings.transactionsPerSlot : .infinity
        crossShardFraction = settings.crossShardFraction
        amountRange = settings.amountRange
    }

    /// Whether this shard's users submit anything at all.
    var isActive: Bool { meanGap.isFinite }

    /// The time from one arrival to the next: exponential, so arrivals are a Poisson process. At least 1 µs so
    /// simulated time always advances.
    mutating func nextGap() -> SimDuration {
        SimDuration(micros: max(1, UInt64(stream.exponential(mean: meanGap).rounded())))
    }

    /// A new transaction submitted at `time`.
    mutating func transaction(id: UInt64, at time: SimTime) -> UserTransaction {
        let from = UInt32(accounts.sample(using: &stream) - 1)
        var destination = shard
        if crossShardFraction > 0, stream.bernoulli(crossShardFraction) {
            // Uniform over the other shards.
            let other = stream.uniform(below: shardCount - 1)
            destination = ShardID(UInt16(other >= Int(shard.index) ? other + 1 : other))
        }
        let to = UInt32(accounts.sample(using: &stream) - 1)
        let amount = Gwei(stream.uniform(in: amountRange))
        return UserTransaction(
            id: id, sourceShard: shard, from: from, destinationShard: destination, to: to, amount: amount,
            created: time)
    }
}
