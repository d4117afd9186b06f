/// The outcome of one operation of a workload block, in terms every workload EE maps its own result codes to; the
/// rejection reasons are `slots.csv`'s `rejected_*` columns and `transfers.csv`'s `rejected_*` outcomes.
package enum OperationResult: String, Hashable, Sendable, CaseIterable, Codable, CodingKeyRepresentable,
    CustomStringConvertible
{
    /// Applied: the only result that changes state.
    case applied = "applied"
    /// The signature is invalid or is not the paying account's.
    case badSignature = "bad_signature"
    /// The nonce is not the paying account's next one (a replay or a gap).
    case badNonce = "bad_nonce"
    /// The paying account (or, for a send, the EE) cannot afford the amount.
    case insufficientBalance = "insufficient_balance"
    /// The receipt is unknown to the execution or already claimed (a replay).
    case badReceipt = "bad_receipt"
    /// The operation names something outside the witness or cannot be decoded.
    case malformed = "malformed"

    /// The rejection reasons, in `slots.csv` column order.
    package static let rejections: [OperationResult] = [
        .badSignature, .badNonce, .insufficientBalance, .badReceipt, .malformed,
    ]

    /// The short name used in outputs (`applied`, `bad_signature`, …).
    package var description: String { rawValue }
}
