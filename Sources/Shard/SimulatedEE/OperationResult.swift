/// The outcome of one operation of a workload block, in terms every workload EE maps its own result codes to; the
/// rejection reasons are `slots.csv`'s `rejected_*` columns and `transfers.csv`'s `rejected_*` outcomes.
package enum OperationResult: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Applied: the only result that changes state.
    case applied
    /// The signature is invalid or is not the paying account's.
    case badSignature
    /// The nonce is not the paying account's next one (a replay or a gap).
    case badNonce
    /// The paying account (or, for a send, the EE) cannot afford the amount.
    case insufficientBalance
    /// The receipt is unknown to the execution or already claimed (a replay).
    case badReceipt
    /// The operation names something outside the witness or cannot be decoded.
    case malformed

    /// The rejection reasons, in `slots.csv` column order.
    package static let rejections: [OperationResult] = [
        .badSignature, .badNonce, .insufficientBalance, .badReceipt, .malformed,
    ]

    /// The short name used in outputs (`applied`, `bad_signature`, …).
    package var description: String {
        switch self {
        case .applied: "applied"
        case .badSignature: "bad_signature"
        case .badNonce: "bad_nonce"
        case .insufficientBalance: "insufficient_balance"
        case .badReceipt: "bad_receipt"
        case .malformed: "malformed"
        }
    }
}
