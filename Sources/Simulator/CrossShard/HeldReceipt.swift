import Beacon

/// A receipt the cross-shard model holds back from the destination's inbox: waiting for finality, or locked until
/// the destination votes. Its ETH is in flight and counted by the conservation check.
struct HeldReceipt: Sendable, Equatable, Codable {
    /// Why the receipt is held, and what happens when it is released.
    enum Stage: Sendable, Equatable, Codable {
        /// Finality wait: goes to the destination's inbox at the end of slot `releaseAfter`.
        case awaitingFinality
        /// Two-phase commit: locked; the destination votes with its block of slot `releaseAfter`.
        case locked
    }

    /// Two-phase commit: the transfer a locked receipt carries and the accounts it locks.
    struct Parties: Sendable, Equatable, Codable {
        /// The transfer's transaction id (its age, for the conflict rule).
        var transfer: UInt64
        /// The sender's account on the source shard (locked since the send was prepared).
        var sender: UInt32
        /// The recipient's account on the destination shard (locked by a commit vote).
        var recipient: UInt32
    }

    var receipt: Receipt
    var stage: Stage
    /// The slot at whose end the model decides about the receipt.
    var releaseAfter: Slot
    /// Two-phase commit: the transfer and its accounts (`nil` under finality wait).
    var parties: Parties? = nil
    /// Two-phase commit: the first vote slot in which the recipient's account was locked by another transfer
    /// (`nil` while the vote has not waited); the lock timeout counts from here.
    var waitingSince: Slot? = nil
}
