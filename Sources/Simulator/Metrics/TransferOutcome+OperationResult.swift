import RunFormat
import Shard

extension TransferOutcome.Rejection {
    /// The rejection of a transfer that its source EE answered with `result`; `nil` (the block failed) is
    /// ``blockFailed``. `applied` is no rejection.
    init?(_ result: OperationResult?) {
        guard let result else {
            self = .blockFailed
            return
        }
        switch result {
        case .applied: return nil
        case .badSignature: self = .badSignature
        case .badNonce: self = .badNonce
        case .insufficientBalance: self = .insufficientBalance
        case .badReceipt: self = .badReceipt
        case .malformed: self = .malformed
        }
    }
}
