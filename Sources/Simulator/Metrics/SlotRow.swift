import Beacon
import Shard

/// One row of `slots.csv`: what one workload EE's block did on one shard in one slot. Every field but
/// ``executionWallMicros`` is deterministic; wall-clock times live in `slots-wall.csv`.
struct SlotRow: Sendable, Codable {
    var slot: Slot
    var shard: ShardID
    /// The workload EE, and its name in the scenario.
    var ee: EEID
    var eeName: String
    /// The proposer, or `nil` when the slot was missed.
    var proposer: ValidatorIndex?
    /// User transactions included (signed transfers and sends).
    var transactions = 0
    /// Receipts processed by the block (receive operations).
    var receiptsIn = 0
    /// Receipts the block sent to other shards.
    var receiptsOut = 0
    /// Included transactions applied by the EE.
    var applied = 0
    /// Included transactions rejected, by the EE's reason.
    var rejected: [OperationResult: Int] = [:]
    /// Transactions lost because the whole execution failed (bad witness, out of gas, trap).
    var rejectedBlockFailed = 0
    /// User transactions and receipts packed by estimate but taken out because the measured gas exceeded the
    /// block's limit (the transactions went back to the mempool, the receipts stayed in the inbox).
    var transactionsTrimmed = 0
    var receiptsTrimmed = 0
    /// The failure of the execution, if it failed.
    var executionFailure: String = ""
    var gasUsed: UInt64 = 0
    var blockBytes = 0
    var witnessBytes = 0
    /// Simulated execution time: gas divided by the scenario's gas per second.
    var executionMicros: UInt64 = 0
    /// Transactions still waiting after the block.
    var mempoolAfter = 0
    /// Receipts still waiting after the block.
    var inboxAfter = 0
    /// Wall-clock time spent executing the block in wasm, in microseconds (`slots-wall.csv` only).
    var executionWallMicros: UInt64 = 0
    /// The workload EE's state root and balance after the block.
    var stateRoot: Root = .zero
    var eeBalance: Gwei = .zero
    /// The block's base fee per gas and the shard's gas target; `nil` when the fee market is off.
    var baseFeePerGas: WeiPerGas?
    var gasTarget: UInt64?

}
