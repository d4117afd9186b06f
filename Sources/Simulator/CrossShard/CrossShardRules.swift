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
    /// Delivered as under one-slot; when the source block becomes final (`finalitySlots` later) it is reverted with
    /// probability `revertProbability`, and everything that depended on it is rolled back and re-executed.
    case optimistic(finalitySlots: UInt64, revertProbability: Double)
    /// Two-phase commit: the send locks the amount on the source (slot s); the destination votes with its block of
    /// slot s + 1; on commit the receipt is processed in slot s + 2, on abort (no destination block to vote) the
    /// amount is refunded to the sender on the source in slot s + 2.
    case twoPhase

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
            self = .optimistic(finalitySlots: delay, revertProbability: section.revertProbability.doubleValue)
        case .twoPhase: self = .twoPhase
        }
    }

    /// Slots after which a block can no longer change, so its output rows can be written: only the optimistic
    /// model rewrites recent history.
    var rewritableSlots: UInt64 {
        if case .optimistic(let finality, _) = self { return finality }
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
