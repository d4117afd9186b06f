import Beacon

/// Decides when receipts reach destination inboxes, for the models that hold them back (finality wait, two-phase
/// commit). One-slot and optimistic delivery pass receipts straight through.
///
/// The router is the only place besides the inboxes where ETH in flight lives, so ``heldGwei`` is part of the
/// conservation check.
struct ReceiptRouter: Sendable, Codable {
    let rules: CrossShardRules
    /// Receipts held back, in the order they were sent.
    private(set) var held: [HeldReceipt] = []
    /// Refund receipts issued so far, for their ids.
    private(set) var refundsIssued: UInt32 = 0

    init(rules: CrossShardRules) { self.rules = rules }

    /// A router holding `held` after `refundsIssued` refunds: what a checkpoint restores.
    init(rules: CrossShardRules, held: [HeldReceipt], refundsIssued: UInt32) {
        self.rules = rules
        self.held = held
        self.refundsIssued = refundsIssued
    }

    /// ETH held by the router (waiting for finality or locked): the transfers' amounts.
    var heldGwei: Gwei { held.reduce(.zero) { $0 + $1.receipt.amount } }

    /// Receipt fees prepaid by the senders of the held receipts (with a fee market).
    var heldPrepaidGwei: Gwei { held.reduce(.zero) { $0 + $1.receipt.prepaidFee } }

    /// Takes the receipts committed by the crosslinks of `slot`, in shard order, and returns those that go to
    /// inboxes now, to be processed in the next slot. `parties` names each receipt's transfer and accounts (used
    /// by two-phase commit's locks).
    mutating func route(
        _ sent: [Receipt], committedIn slot: Slot, parties: (Receipt) -> HeldReceipt.Parties? = { _ in nil }
    ) -> [Receipt] {
        switch rules {
        case .oneSlot, .optimistic:
            return sent
        case .finalityWait(let delay):
            // Processed in slot s + delay, so released into the inbox at the end of slot s + delay − 1.
            guard delay > 1 else { return sent }
            held += sent.map {
                HeldReceipt(receipt: $0, stage: .awaitingFinality, releaseAfter: Slot(slot.number + delay - 1))
            }
            return []
        case .twoPhase:
            held += sent.map {
                HeldReceipt(receipt: $0, stage: .locked, releaseAfter: slot.next, parties: parties($0))
            }
            return []
        }
    }

    /// The receipts whose wait ends with `slot`. Under two-phase commit `vote` gives the destination's vote on each
    /// locked receipt (it takes the recipient's lock on commit); on abort `refundPayload` names the account the
    /// refund credits (the sender's, as a token receipt payload).
    mutating func release(
        after slot: Slot, vote: (HeldReceipt) -> TwoPhaseVote, refundPayload: (Receipt) -> [UInt8]
    ) -> ReceiptRelease {
        var release = ReceiptRelease()
        var kept: [HeldReceipt] = []
        for entry in held {
            guard entry.releaseAfter <= slot else {
                kept.append(entry)
                continue
            }
            switch entry.stage {
            case .awaitingFinality:
                release.deliver.append(entry.receipt)
            case .locked:
                switch vote(entry) {
                case .commit:
                    release.deliver.append(entry.receipt)
                case .wait:
                    var waiting = entry
                    waiting.releaseAfter = slot.next
                    waiting.waitingSince = entry.waitingSince ?? slot
                    kept.append(waiting)
                    release.waiting.append(entry.receipt)
                case .abort(let reason):
                    release.refunds.append(
                        (
                            refund(for: entry.receipt, decidedIn: slot, payload: refundPayload(entry.receipt)),
                            entry.receipt, reason
                        ))
                }
            }
        }
        held = kept
        release.deliver += release.refunds.map(\.refund)
        return release
    }

    /// The refund of an aborted transfer: a receipt from the destination back to the source EE, whose payload
    /// names the original sender; it carries the original's prepaid fee, spent where the refund is processed. Its ids sit above 2³¹ so they never collide with a block's own receipts.
    private mutating func refund(for receipt: Receipt, decidedIn slot: Slot, payload: [UInt8]) -> Receipt {
        defer { refundsIssued += 1 }
        return Receipt(
            id: Receipt.ID(sourceShard: receipt.destinationShard, sourceSlot: slot, index: 0x8000_0000 | refundsIssued),
            sourceEE: receipt.destinationEE, destinationShard: receipt.id.sourceShard, destinationEE: receipt.sourceEE,
            amount: receipt.amount, payload: payload, prepaidFee: receipt.prepaidFee)
    }
}
