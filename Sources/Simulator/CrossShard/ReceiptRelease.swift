import Beacon

/// What the cross-shard model does with receipts at the end of a slot: those to put in destination inboxes now,
/// and two-phase refunds (each with the receipt it refunds).
struct ReceiptRelease: Sendable {
    /// Receipts for destination inboxes, in the order they must be appended.
    var deliver: [Receipt] = []
    /// Refunds of aborted two-phase transfers: the refund receipt (to the sender, on the source shard) and the
    /// locked receipt it replaces.
    var refunds: [(refund: Receipt, aborted: Receipt)] = []
}
