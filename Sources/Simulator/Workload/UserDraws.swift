import Beacon

/// Where one shard's users are in their random streams: part of the shard's state, so a checkpoint stores it and a
/// rollback carries it with the arrivals it produced.
///
/// Only arrivals draw from these streams (a block never does), so a shard's state before a block says exactly which
/// users' draws came before it.
struct UserDraws: Sendable, Codable, Equatable {
    /// `workload/shard-N`: arrival gaps, EEs, accounts, destinations and amounts.
    var workload: RandomStream
    /// `fees/shard-N`: fee bids and relayers; `nil` when the fee market is off, so turning it on never shifts the
    /// workload's draws.
    var bids: RandomStream?

    /// The streams of `shard`'s users at genesis.
    init(shard: ShardID, feeMarket: Bool, streams: RandomStreams) {
        workload = streams.make("workload/shard-\(shard.index)")
        bids = feeMarket ? streams.make("fees/shard-\(shard.index)") : nil
    }
}
