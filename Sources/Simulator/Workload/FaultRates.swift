import Shard

/// Deliberately faulty transactions mixed into the workload, so a run exercises every rejection path of the EE
/// and the counts show up in `slots.csv`. All zero by default.
///
/// Per user transaction: a bad signature, a replayed (already used) nonce, or an amount above the sender's balance.
/// Per block: a replay of a receipt processed earlier, and a forged witness (one balance changed), which makes the
/// EE's whole execution fail.
package struct FaultRates: Sendable, Hashable {
    package var badSignature = 0.0
    package var replayedNonce = 0.0
    package var overdraft = 0.0
    package var replayedReceipt = 0.0
    package var forgedWitness = 0.0

    package init(
        badSignature: Double = 0, replayedNonce: Double = 0, overdraft: Double = 0, replayedReceipt: Double = 0,
        forgedWitness: Double = 0
    ) {
        self.badSignature = badSignature
        self.replayedNonce = replayedNonce
        self.overdraft = overdraft
        self.replayedReceipt = replayedReceipt
        self.forgedWitness = forgedWitness
    }

    /// Whether any fault is enabled.
    var isEnabled: Bool { badSignature + replayedNonce + overdraft + replayedReceipt + forgedWitness > 0 }

    /// Draws the fault for one user transaction.
    func draw(_ stream: inout RandomStream) -> IntentFault? {
        guard badSignature + replayedNonce + overdraft > 0 else { return nil }
        let u = stream.unitDouble()
        if u < badSignature { return .badSignature }
        if u < badSignature + replayedNonce { return .replayedNonce }
        if u < badSignature + replayedNonce + overdraft { return .overdraft }
        return nil
    }
}
