import Beacon
import Shard

/// One shard's fee market during a run: its base fee, the relayers' deposits as the state provider holds them, and
/// running totals. Lives in ``ShardState/fees``; `nil` when the fee market is off.
struct ShardFeeState: Sendable, Codable {
    /// The base fee per gas of the shard's next block, in wei.
    var baseFee: WeiPerGas
    /// The fee-market EE's full state on this shard: relayer `i` is leaf `i`, its balance the deposit, its nonce the
    /// transactions it has paid for. Its root equals the EE's state root.
    var relayers: FeeMarketEE.State
    /// ETH burned on this shard since genesis (base fees).
    var burnedTotal: Gwei = .zero
    /// ETH paid to this shard's proposers since genesis (tips).
    var paidToProposersTotal: Gwei = .zero
    /// What users paid relayers for witness bytes since genesis (off-chain; not part of the ETH total).
    var relayerRevenueTotal: Gwei = .zero
    /// Transactions that expired unincluded since genesis.
    var expiredTotal: UInt64 = 0

    /// The relayers' deposits together: the fee-market EE's balance on the shard (kept with `relayers`).
    var deposits: Gwei
}

extension ShardFeeState: Equatable {
    /// Equal when the next block would see the same fee state; the relayer tree is identified by its root.
    static func == (lhs: ShardFeeState, rhs: ShardFeeState) -> Bool {
        lhs.baseFee == rhs.baseFee && lhs.relayers == rhs.relayers && lhs.burnedTotal == rhs.burnedTotal
            && lhs.paidToProposersTotal == rhs.paidToProposersTotal
            && lhs.relayerRevenueTotal == rhs.relayerRevenueTotal && lhs.expiredTotal == rhs.expiredTotal
    }
}
