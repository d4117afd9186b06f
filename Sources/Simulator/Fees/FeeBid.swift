import Beacon

/// What a user offers to pay, and the relayer it hands its transaction to.
struct FeeBid: Sendable, Hashable, Codable {
    /// The most the user pays per gas, base fee included.
    var maxFeePerGas: Gwei
    /// The tip per gas offered to the proposer, paid up to the cap.
    var priorityFeePerGas: Gwei
    /// The relayer (leaf of the fee-market EE's tree on the sender's shard).
    var relayer: UInt32

    /// No fee market: nothing offered, relayer 0.
    static let none = FeeBid(maxFeePerGas: .zero, priorityFeePerGas: .zero, relayer: 0)
}

/// Draws each user's bid and relayer on one shard from its own stream (`fees/shard-N`), so turning the fee market
/// on or changing its strategy never shifts the workload's draws.
struct FeeBidder {
    private let settings: FeeSettings
    /// The bids' draws; read and set by checkpoints.
    var stream: RandomStream

    init(shard: ShardID, settings: FeeSettings, streams: RandomStreams) {
        self.settings = settings
        stream = streams.make("fees/shard-\(shard.index)")
    }

    /// One user's bid: the relayer uniform over the shard's relayers, then the fees by strategy.
    mutating func bid() -> FeeBid {
        let relayer = UInt32(stream.uniform(below: settings.relayersPerShard))
        switch settings.strategy {
        case .fixed:
            return FeeBid(
                maxFeePerGas: settings.maxFeePerGas, priorityFeePerGas: settings.priorityFeePerGas, relayer: relayer)
        case .uniform:
            let priority = stream.uniform(in: 0...(2 * settings.priorityFeePerGas.value))
            let cap = settings.maxFeePerGas.value
            let maxFee = stream.uniform(in: max(1, cap / 2)...max(1, cap + cap / 2))
            return FeeBid(maxFeePerGas: Gwei(maxFee), priorityFeePerGas: Gwei(priority), relayer: relayer)
        }
    }
}
