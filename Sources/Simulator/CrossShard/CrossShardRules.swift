import Beacon
import Scenarios

/// The cross-shard model of a run, resolved from `crossShard.*` with only the parameters that model uses.
///
/// Each case carries what it needs and nothing else, so a finality wait without a delay, or reverts under a model
/// that never reverts, cannot be written down. The rules of each model are in `Documentation/CrossShardModels.md`.
package enum CrossShardRules: Sendable, Equatable, Codable {
    /// A receipt committed in slot s is processed by the destination in slot s + 1.
    case oneSlot
    /// A receipt committed in slot s waits until its source crosslink is final, `delaySlots` slots later, and is
    /// processed in slot s + `delaySlots`.
    case finalityWait(delaySlots: UInt64)
    /// Delivered as under one-slot; when a block would become final (`finalitySlots` later) it is orphaned with
    /// probability `orphanRate` (any block), or reverted with probability `revertProbability` (a block that sent
    /// receipts), and everything that depended on it is rolled back and re-executed.
    case optimistic(finalitySlots: UInt64, revertProbability: Double, orphanRate: Double)
    /// Two-phase commit with account locks: the send locks the sender's account and escrows the amount (slot s);
    /// the destination votes with its block of slot s + 1 by locking the recipient's account; on commit the
    /// receipt is processed in slot s + 2, on abort the amount is refunded to the sender on the source. Conflicts
    /// on a locked account follow wait-die by submission time; a transfer waits at most `lockTimeoutSlots`.
    case twoPhase(lockTimeoutSlots: UInt64)

    /// The model's name, as in scenario files and the `model` column.
    package var model: CrossShardModel {
        switch self {
        case .oneSlot: .oneSlot
        case .finalityWait: .finalityWait
        case .optimistic: .optimistic
        case .twoPhase: .twoPhase
        }
    }

    /// Resolves the scenario's `crossShard` section; `finalityDelay` is in slots (validated to fit).
    init(_ section: Scenario.CrossShard, slotsPerEpoch: Int) {
        let delay = max(1, section.finalityDelay.slots(slotsPerEpoch: slotsPerEpoch) ?? 1)
        switch section.model {
        case .oneSlot: self = .oneSlot
        case .finalityWait: self = .finalityWait(delaySlots: delay)
        case .optimistic:
            self = .optimistic(
                finalitySlots: delay, revertProbability: section.revertProbability.doubleValue,
                orphanRate: section.orphanRate.doubleValue)
        case .twoPhase:
            // Validated to fit in 64 bits.
            self = .twoPhase(lockTimeoutSlots: section.lockTimeout.slots(slotsPerEpoch: slotsPerEpoch) ?? 0)
        }
    }

    /// The lock timeout in slots under two-phase commit; `nil` under the models without locks.
    var lockTimeoutSlots: UInt64? {
        if case .twoPhase(let timeout) = self { return timeout }
        return nil
    }

    /// Slots after which a block can no longer change, so its output rows can be written: only the optimistic
    /// model rewrites recent history.
    var rewritableSlots: UInt64 {
        if case .optimistic(let finality, _, _) = self { return finality }
        return 0
    }
}

extension CrossShardRules {
    /// The last slot whose blocks can no longer change once `slot` has ended (`nil`: none yet).
    func finalSlot(after slot: Slot) -> Slot? {
        let rewritable = rewritableSlots
        guard slot.number >= rewritable else { return nil }
        return Slot(slot.number - rewritable)
    }
}
