import Beacon

/// What a user offers to pay, and the relayer it hands its transaction to.
struct FeeBid: Sendable, Hashable, Codable {
    /// The most the user pays per gas, base fee included.
    var maxFeePerGas: WeiPerGas
    /// The tip per gas offered to the proposer, paid up to the cap.
    var priorityFeePerGas: WeiPerGas
    /// The relayer (leaf of the fee-market EE's tree on the sender's shard).
    var relayer: UInt32

    /// No fee market: nothing offered, relayer 0.
    static let none = FeeBid(maxFeePerGas: .zero, priorityFeePerGas: .zero, relayer: 0)
}

/// Draws each user's bid and relayer on one shard from its own stream (``UserDraws/bids``, `fees/shard-N`), so
/// turning the fee market on or changing its strategy never shifts the workload's draws.
struct FeeBidder: Sendable {
    private let settings: FeeSettings

    init(settings: FeeSettings) { self.settings = settings }

    /// One user's bid: the relayer uniform over the shard's relayers, then the fees by strategy.
    func bid(drawingFrom stream: inout RandomStream) -> FeeBid {
        let relayer = UInt32(stream.uniform(below: settings.relayersPerShard))
        switch settings.strategy {
        case .fixed:
            return FeeBid(
                maxFeePerGas: settings.maxFeePerGas, priorityFeePerGas: settings.priorityFeePerGas, relayer: relayer)
        case .uniform:
            // Drawn in wei; the bounds saturate at 2⁶⁴ − 1 wei rather than overflow.
            let priority = stream.uniform(in: 0...settings.priorityFeePerGas.wei.multipliedClamping(by: 2))
            let cap = settings.maxFeePerGas.wei
            let maxFee = stream.uniform(in: max(1, cap / 2)...max(1, cap.addingClamping(cap / 2)))
            return FeeBid(
                maxFeePerGas: WeiPerGas(wei: maxFee), priorityFeePerGas: WeiPerGas(wei: priority), relayer: relayer)
        }
    }
}

extension UInt64 {
    /// `self × factor`, or `UInt64.max` when that overflows.
    fileprivate func multipliedClamping(by factor: UInt64) -> UInt64 {
        let (product, overflow) = multipliedReportingOverflow(by: factor)
        return overflow ? .max : product
    }

    /// `self + other`, or `UInt64.max` when that overflows.
    fileprivate func addingClamping(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
