import Shard

/// Where a transfer by receipt stands, as `transfers.csv`'s `outcome` column names it.
enum TransferOutcome: Sendable, Hashable {
    /// Submitted, not yet included by a block.
    case pending
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
    /// The source EE rejected it, for this reason; `nil` when its whole block failed.
    case rejected(OperationResult?)

    /// The name in `transfers.csv`: `pending`, `in_flight`, `delivered`, `aborting_<reason>`, `aborted_<reason>`
    /// (reasons in ``AbortReason``), `rejected_<reason>` or `rejected_block_failed`.
    var name: String {
        switch self {
        case .pending: "pending"
        case .inFlight: "in_flight"
        case .delivered: "delivered"
        case .aborting(let reason): "aborting_" + reason.rawValue
        case .aborted(let reason): "aborted_" + reason.rawValue
        case .rejected(let reason): "rejected_" + (reason?.rawValue ?? "block_failed")
        }
    }

    /// The outcome named `name`, or `nil` when no outcome has that name.
    init?(name: String) {
        switch name {
        case "pending": self = .pending
        case "in_flight": self = .inFlight
        case "delivered": self = .delivered
        case "rejected_block_failed": self = .rejected(nil)
        default:
            for reason in AbortReason.allCases {
                if name == "aborting_" + reason.rawValue {
                    self = .aborting(reason)
                    return
                }
                if name == "aborted_" + reason.rawValue {
                    self = .aborted(reason)
                    return
                }
            }
            guard name.hasPrefix("rejected_"), let reason = OperationResult(rawValue: String(name.dropFirst(9)))
            else { return nil }
            self = .rejected(reason)
        }
    }

    /// Whether the transfer failed for good: rejected at its source, or aborted and refunded.
    var failed: Bool {
        switch self {
        case .rejected, .aborted: true
        default: false
        }
    }
}

/// Stored by its name.
extension TransferOutcome: Codable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let outcome = TransferOutcome(name: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "no transfer outcome is named '\(name)'")
        }
        self = outcome
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
