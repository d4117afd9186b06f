import Beacon
import RunFormat
import Shard

/// The life of one transfer that moves ETH by a receipt (to another shard, another EE, or both), for
/// `transfers.csv`.
struct TransferRecord: Sendable, Codable {
    let transaction: UserTransaction
    var includedSlot: Slot?
    var deliveredSlot: Slot?
    var deliveredAt: SimTime?
    var outcome = TransferOutcome.pending
    /// Two-phase commit: blocks that held it back because an account it had to lock was locked (at the source
    /// before inclusion, or at the destination's vote).
    var lockWaitSlots: UInt64 = 0
}
