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

    var receipt: Receipt
    var stage: Stage
    /// The slot at whose end the model decides about the receipt.
    var releaseAfter: Slot
}
