import Beacon
import RunFormat

/// What the cross-shard model does with receipts at the end of a slot: those to put in destination inboxes now,
/// two-phase refunds (each with the receipt it refunds and why), and two-phase votes that wait.
struct ReceiptRelease: Sendable {
    /// Receipts for destination inboxes, in the order they must be appended.
    var deliver: [Receipt] = []
    /// Refunds of aborted two-phase transfers: the refund receipt (to the sender, on the source shard), the
    /// locked receipt it replaces, and why the transfer aborted.
    var refunds: [(refund: Receipt, aborted: Receipt, reason: AbortReason)] = []
    /// Two-phase receipts whose vote waits for the recipient's lock, to be voted again after the next slot.
    var waiting: [Receipt] = []
}

/// A two-phase destination's vote on one transfer.
enum TwoPhaseVote: Sendable, Equatable {
    /// The recipient's account is locked for the transfer: the receipt goes to the destination's inbox.
    case commit
    /// The recipient's account is held by a younger transfer: vote again after the next slot.
    case wait
    /// The transfer aborts for this reason; the amount is refunded to the sender.
    case abort(AbortReason)
}
