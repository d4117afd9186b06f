/// The outcome of one transaction of a token block, reported by the EE with `eth2_reportResult(txIndex, code)`.
///
/// Only ``applied`` changes state. The EE checks in this order and reports the first failure: the accounts are in
/// the witness (``malformed``), the signature (``badSignature``), the nonce (``badNonce``), the balance
/// (``insufficientBalance``), then a receiver's balance would not overflow (``malformed``). A receive checks its
/// account, then claims the receipt (``badReceipt``).
package enum TokenResultCode: UInt32, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The transaction was applied.
    case applied = 0
    /// The signature is invalid or recovers to another address than the paying account's.
    case badSignature = 1
    /// The nonce is not the paying account's (a replay or a gap), or the account's nonce cannot grow.
    case badNonce = 2
    /// The paying account's balance is below the amount (overdraft), or, for a send, the EE's ETH balance on this
    /// shard is.
    case insufficientBalance = 3
    /// The receipt is unknown to this execution or was already claimed (replay).
    case badReceipt = 4
    /// An account the transaction names is not in the witness, a receiving leaf holds no account (zero address), or
    /// the receiver's balance would overflow 64 bits.
    case malformed = 5

    /// A short name for outputs (`applied`, `bad_signature`, …).
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
