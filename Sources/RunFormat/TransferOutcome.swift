/// Where a transfer by receipt stands, as `transfers.csv`'s `outcome` column names it: written by the simulator,
/// read by reports, documented in `Documentation/Outputs.md` from ``documented``.
package enum TransferOutcome: Sendable, Hashable {
    /// Submitted, not yet included by a block (written only for transfers still waiting when the run ends).
    case pending
    /// Dropped from the mempool unincluded after waiting `fees.transactionTimeout` (fee market only).
    case expired
    /// Applied by its source block; the receipt is on its way.
    case inFlight
    /// The destination EE claimed the receipt and credited the recipient.
    case delivered
    /// Two-phase commit: aborted after its source block prepared it (for this reason); the refund is on its way
    /// back to the sender.
    case aborting(AbortReason)
    /// Two-phase commit: aborted for this reason, so the transfer happened on neither shard: refunded to the
    /// sender, or (aborted by a lock before its source block included it) never debited.
    case aborted(AbortReason)
    /// The source block did not apply it, for this reason.
    case rejected(Rejection)

    /// Why a source block did not apply a transfer.
    package enum Rejection: String, Sendable, Hashable, CaseIterable {
        case badSignature = "bad_signature"
        case badNonce = "bad_nonce"
        case insufficientBalance = "insufficient_balance"
        case badReceipt = "bad_receipt"
        case malformed = "malformed"
        /// The whole execution of the source block failed (bad witness, out of gas, trap).
        case blockFailed = "block_failed"

        /// What the rejection means, for the data dictionary.
        package var meaning: String {
            switch self {
            case .badSignature: "the signature does not recover the sender's address"
            case .badNonce: "the nonce is not the account's next nonce (a replay or a gap)"
            case .insufficientBalance: "the amount exceeds the sender's balance (or, for a send, the EE's)"
            case .badReceipt: "the receipt is unknown or already processed"
            case .malformed: "the transaction names an account outside the witness or cannot be decoded"
            case .blockFailed: "the source block's whole execution failed (bad witness, out of gas, trap)"
            }
        }
    }

    /// Every outcome, in the order the data dictionary lists them.
    package static let all: [TransferOutcome] =
        [.delivered, .inFlight, .pending, .expired] + AbortReason.allCases.map { .aborting($0) }
        + AbortReason.allCases.map { .aborted($0) } + Rejection.allCases.map { .rejected($0) }

    /// The name in `transfers.csv`: `pending`, `expired`, `in_flight`, `delivered`, `aborting_<why>`,
    /// `aborted_<why>` (reasons in ``AbortReason``) or `rejected_<reason>`.
    package var name: String {
        switch self {
        case .pending: "pending"
        case .expired: "expired"
        case .inFlight: "in_flight"
        case .delivered: "delivered"
        case .aborting(let reason): "aborting_" + reason.rawValue
        case .aborted(let reason): "aborted_" + reason.rawValue
        case .rejected(let reason): "rejected_" + reason.rawValue
        }
    }

    /// The outcome named `name`, or `nil` when no outcome has that name.
    package init?(name: String) {
        guard let outcome = Self.all.first(where: { $0.name == name }) else { return nil }
        self = outcome
    }

    /// What the outcome means, for the data dictionary.
    package var meaning: String {
        switch self {
        case .pending: "submitted, still waiting in the mempool when the run ended (written at the end)"
        case .expired:
            "dropped from the mempool unincluded after waiting fees.transactionTimeout (fee market only); written "
                + "in the slot it expired"
        case .inFlight: "applied by its source block, receipt not yet credited when the run ended (written at the end)"
        case .delivered: "the destination EE claimed the receipt and credited the recipient"
        case .aborting(let reason):
            "two-phase: aborted after its source block debited the sender, refund not yet processed when the run "
                + "ended; aborted because " + reason.meaning
        case .aborted(let reason):
            "two-phase: the transfer happened on neither shard (refunded to the sender when included_slot is set, "
                + "never debited when it is empty); aborted because " + reason.meaning
        case .rejected(let reason): "not applied by its source block: " + reason.meaning
        }
    }

    /// Whether the transfer failed for good: rejected at its source, expired unincluded, or aborted and refunded.
    package var failed: Bool {
        switch self {
        case .rejected, .expired, .aborted: true
        default: false
        }
    }

    /// Whether the outcome is final when written: the transfer will not change any more. The others are
    /// written for transfers still open when the run ends.
    package var isFinal: Bool {
        switch self {
        case .pending, .inFlight, .aborting: false
        default: true
        }
    }
}

/// Stored by its name.
extension TransferOutcome: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let outcome = TransferOutcome(name: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "no transfer outcome is named '\(name)'")
        }
        self = outcome
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
