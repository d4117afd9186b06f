import Beacon

/// One row of `fees.csv`: one shard's fee market in one slot.
struct FeeRow: Sendable, Codable {
    var slot: Slot
    var shard: ShardID
    /// Whether the slot was missed (no block: the base fee carries over unchanged).
    var missed: Bool
    /// The base fee per gas of this slot's block, and of the next one (written in gwei with nine decimals).
    var baseFee: WeiPerGas
    var nextBaseFee: WeiPerGas
    var gasTarget: UInt64
    var gasLimit: UInt64
    /// Gas the block counts for EIP-1559 (user transactions and receipts, at the producer's fixed rates).
    var gasUsed: UInt64 = 0
    var included = 0
    /// Included transactions the fee-market EE settled, and those it rejected (overdrawn, underpriced, …).
    var settled = 0
    var rejected = 0
    /// Inclusion delay over the included transactions, from submission to the block, in µs.
    var meanInclusionDelayMicros: UInt64 = 0
    var maxInclusionDelayMicros: UInt64 = 0
    var proposerRevenue: Gwei = .zero
    var burned: Gwei = .zero
    /// What this block's users paid their relayers for witness bytes (off-chain).
    var relayerRevenue: Gwei = .zero
    /// The relayers' deposits after the block.
    var relayerDeposits: Gwei = .zero
    /// Transactions waiting after the block, and how many of them cannot pay the next base fee.
    var waiting = 0
    var waitingUnderpriced = 0
    /// Transactions that expired in this slot.
    var expired = 0
    /// Gas of the fee-market EE's own execution, and its failure (empty on success).
    var executionGas: UInt64 = 0
    var executionFailure = ""
    /// Receipt fees: prepaid by this block's senders; of those of the receipts it processed, burned and tipped to
    /// its proposer; and how many of those were underpaid (prepayment below the base fee × receipt gas).
    var receiptFeesPrepaid: Gwei = .zero
    var receiptFeesBurned: Gwei = .zero
    var receiptFeesTipped: Gwei = .zero
    var receiptsUnderpaid = 0
}
