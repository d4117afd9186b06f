import Beacon
import Shard

/// What one shard did in one slot, produced in parallel and merged in shard order.
struct ShardSlotOutcome: Sendable, Codable {
    /// A user transaction the block included, with the EE's result (`nil`: the EE's block failed).
    struct Included: Sendable, Codable {
        var transaction: UserTransaction
        var result: OperationResult?
    }

    /// A receipt the block sent, with the user transaction that caused it.
    struct Sent: Sendable, Codable {
        var receipt: Receipt
        var transactionID: UInt64
    }

    /// The user transactions the block included, with the EE's result for each.
    var included: [Included] = []
    /// Receipts the block sent, each with the user transaction that caused it.
    var sentReceipts: [Sent] = []
    /// User transactions dropped from the mempool unincluded in this slot (fee market expiry), by id.
    var expired: [UInt64] = []
    /// Receipts the block processed (claimed), in the order claimed.
    var claimedReceipts: [Receipt] = []
    /// Each workload EE's accounts its block touched, as they are after it (for the state database), in the order
    /// of ``SimulationSettings/workloads``.
    var touchedAccounts: [[EEAccount]]
    /// The crosslink, or `nil` when the slot was missed.
    var crosslink: Crosslink?
    /// The metrics rows for `slots.csv`: one per workload EE, in the order of ``SimulationSettings/workloads``.
    var rows: [SlotRow]
    /// The fee market's row for `fees.csv`, or `nil` when the fee market is off.
    var fees: FeeRow?
    /// The network's view of the slot (`network.csv`), or `nil` when the scenario has no network.
    var network: NetworkRow?
    /// Whether the block missed the attestation deadline and was discarded (the rows then describe no block).
    var orphaned = false
    /// Two-phase commit: user transactions the block held back because an account they write was locked (ids).
    var lockWaits: [UInt64] = []
    /// Two-phase commit: user transactions the conflict rule aborted before they were included.
    var lockAborts: [LockScreen.Abort] = []
    /// Wall-clock time spent executing the blocks in wasm, in microseconds (kept out of `slots.csv`).
    var executionWallMicros: UInt64 = 0

    /// An outcome with no block yet, with `rows` (one per workload EE).
    init(rows: [SlotRow]) {
        self.rows = rows
        touchedAccounts = Array(repeating: [], count: rows.count)
    }

    /// Gas and witness bytes of every EE's block together.
    var gasUsed: UInt64 { rows.reduce(0) { $0 + $1.gasUsed } }
    var witnessBytes: Int { rows.reduce(0) { $0 + $1.witnessBytes } }
}
