import Beacon
import Scenarios

/// The users of one shard: Poisson arrivals of transfers between Zipf-popular accounts of the workload EEs.
///
/// A description derived from the settings: the draws themselves are the shard's ``UserDraws``, part of its
/// ``ShardState``. Each shard has its own random stream (`workload/shard-N`), so the draws of one shard do not
/// depend on how many other shards there are or in which order they are simulated. With one workload EE no draw
/// picks an EE, so such runs draw exactly what they drew before EEs were plug-ins.
struct WorkloadGenerator: Sendable {
    private let shard: ShardID
    private let shardCount: Int
    /// Each workload EE's id, weight, popularity of its active users and number of accounts (active or not), in the
    /// order of ``SimulationSettings/workloads``.
    private let ees: [(id: EEID, weight: Int, users: ZipfDistribution, accountCount: Int)]
    /// Which account number each popularity rank picks (hashed by default: position independent of popularity).
    private let placement: AccountPlacement
    private let seed: UInt64
    private let crossEEFraction: Double
    private let meanGap: Double
    private let crossShardFraction: Double
    private let amountRange: ClosedRange<UInt64>
    private let spike: DemandSpike
    /// Fee bids and relayers, drawn from ``UserDraws/bids``; `nil` when the fee market is off.
    private let bidder: FeeBidder?

    /// The users of `shard` (each workload EE's `activeAccountsPerShard`, placed among its `accountsPerShard`),
    /// `transactionsPerSlot` arrivals per slot on average.
    init(shard: ShardID, settings: SimulationSettings) {
        self.shard = shard
        shardCount = settings.shardCount
        ees = settings.workloads.map {
            (
                $0.id, $0.weight,
                ZipfDistribution(count: max(1, $0.activeAccountsPerShard), exponent: settings.zipfExponent),
                max(1, $0.accountsPerShard)
            )
        }
        placement = settings.accountPlacement
        seed = settings.seed
        crossEEFraction = settings.crossEEFraction
        meanGap =
            settings.transactionsPerSlot > 0
            ? Double(settings.clock.slotDuration.micros) / settings.transactionsPerSlot : .infinity
        crossShardFraction = settings.crossShardFraction
        amountRange = settings.amountRange
        spike = settings.spike
        bidder = settings.fees.map(FeeBidder.init(settings:))
    }

    /// The streams of this shard's users at genesis.
    func genesisDraws(_ streams: RandomStreams) -> UserDraws {
        UserDraws(shard: shard, feeMarket: bidder != nil, streams: streams)
    }

    /// Whether this shard's users submit anything at all.
    var isActive: Bool { meanGap.isFinite }

    /// The time from an arrival at `time` to the next: exponential, so arrivals are a Poisson process, at the rate
    /// in force at `time` (see ``DemandSpike``). At least 1 µs so simulated time always advances.
    func nextGap(at time: SimTime = .genesis, drawingFrom draws: inout UserDraws) -> SimDuration {
        let multiplier = spike.multiplier(shard: shard, at: time)
        let drawn = draws.workload.exponential(mean: multiplier > 0 ? meanGap / multiplier : meanGap)
        // An arrival beyond the longest run never happens, so gaps stop there (which also keeps them, and the
        // time they are added to, inside 64 bits: a rare arrival over millennia-long slots draws more than 2⁶⁴ µs).
        let longest = RunLimits.maximumSimulatedTime.micros
        // A spike down to zero: no arrival until it ends (the draw above is discarded).
        guard multiplier > 0 else { return SimDuration(micros: min(longest, max(1, spike.until.micros - time.micros))) }
        return SimDuration(micros: max(1, drawn < Double(longest) ? UInt64(drawn.rounded()) : longest))
    }

    /// A new transaction submitted at `time`.
    func transaction(id: UInt64, at time: SimTime, drawingFrom draws: inout UserDraws) -> UserTransaction {
        var transaction = transaction(id: id, at: time, drawingFrom: &draws.workload)
        if let bidder, var bids = draws.bids {
            transaction.bid = bidder.bid(drawingFrom: &bids)
            draws.bids = bids
        }
        return transaction
    }

    /// A transaction without its fee bid: who sends how much to whom.
    private func transaction(id: UInt64, at time: SimTime, drawingFrom stream: inout RandomStream) -> UserTransaction {
        let source = ees.count > 1 ? pick(among: Array(ees.indices), drawingFrom: &stream) : 0
        var target = source
        if crossEEFraction > 0, stream.bernoulli(crossEEFraction) {
            target = pick(among: ees.indices.filter { $0 != source }, drawingFrom: &stream)
        }
        let from = account(of: source, rank: ees[source].users.sample(using: &stream), on: shard)
        var destination = shard
        if crossShardFraction > 0, stream.bernoulli(crossShardFraction) {
            // Uniform over the other shards.
            let other = stream.uniform(below: shardCount - 1)
            destination = ShardID(UInt16(other >= Int(shard.index) ? other + 1 : other))
        }
        let to = account(of: target, rank: ees[target].users.sample(using: &stream), on: destination)
        let amount = Gwei(stream.uniform(in: amountRange))
        return UserTransaction(
            id: id, sourceShard: shard, ee: ees[source].id, from: from, destinationShard: destination,
            destinationEE: ees[target].id, to: to, amount: amount, created: time)
    }

    /// The account number that popularity rank `rank` picks among the users of EE `position` on `shard`: ranks
    /// `1 ... activeAccountsPerShard` are the active users, placed among all the EE's accounts.
    private func account(of position: Int, rank: Int, on shard: ShardID) -> UInt32 {
        placement.account(
            forRank: rank, count: ees[position].accountCount, seed: seed, ee: ees[position].id, shard: shard)
    }

    /// One of `candidates` (positions in ``ees``, not empty), drawn in proportion to the EEs' weights.
    private func pick(among candidates: [Int], drawingFrom stream: inout RandomStream) -> Int {
        let total = candidates.reduce(0) { $0 + ees[$1].weight }
        var draw = stream.uniform(below: total)
        for candidate in candidates {
            if draw < ees[candidate].weight { return candidate }
            draw -= ees[candidate].weight
        }
        return candidates[candidates.count - 1]
    }
}
