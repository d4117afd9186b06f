import Beacon
import Shard

/// What one shard did in one slot, produced in parallel and merged in shard order.
struct ShardSlotOutcome: Sendable {
    /// The user transactions the block included, with the EE's result for each (`nil`: the block failed).
    var included: [(transaction: UserTransaction, result: OperationResult?)] = []
    /// Receipts the block sent, each with the user transaction that caused it.
    var sentReceipts: [(receipt: Receipt, transactionID: UInt64)] = []
    /// Receipts the block processed (claimed), in the order claimed.
    var claimedReceipts: [Receipt] = []
    /// The workload EE's accounts the block touched, as they are after it (for the state database).
    var touchedAccounts: [EEAccount] = []
    /// The crosslink, or `nil` when the slot was missed.
    var crosslink: Crosslink?
    /// The metrics row for `slots.csv`.
    var row: SlotRow
    /// The fee market's row for `fees.csv`, or `nil` when the fee market is off.
    var fees: FeeRow?
    /// Wall-clock time spent executing the block in wasm, in microseconds (kept out of `slots.csv`).
    var executionWallMicros: UInt64 = 0
}
