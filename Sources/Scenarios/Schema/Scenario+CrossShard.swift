extension Scenario {
    /// How ETH moves between shards.
    package struct CrossShard: Hashable, Sendable {
        /// The cross-shard model. Default ``CrossShardModel/oneSlot``.
        package var model = CrossShardModel.oneSlot
        /// Under ``CrossShardModel/finalityWait``, how long a receipt waits for its source crosslink to be final.
        /// Default 2 epochs; at least 1 slot.
        package var finalityDelay = SlotDelay.epochs(2)
        /// Under ``CrossShardModel/optimistic``, the chance that a source block is reverted after its receipts were
        /// delivered, forcing a rollback. Default 1 %.
        package var revertProbability = Fraction(percent: 1)
        /// Under ``CrossShardModel/optimistic``, the chance that a produced shard block is orphaned: the beacon
        /// chain's fork choice never makes its crosslink final, so the block, the receipts it sent and everything
        /// that consumed them are rolled back when it would have become final. One draw per block. Default 0 %.
        package var orphanRate = Fraction(percent: 0)
        /// Under ``CrossShardModel/twoPhase``, how many slots a transfer may wait for a locked account before it
        /// aborts (0: it never waits). Default 2 slots.
        package var lockTimeout = SlotDelay.slots(2)

        /// The defaults.
        package init() {}
    }
}

/// A cross-shard transfer model; a comparison runs the same workload and seed under each.
package enum CrossShardModel: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The receipt is processed by the destination shard in the next slot (`one-slot`).
    case oneSlot = "one-slot"
    /// The old asynchronous model: the receipt waits until its source crosslink is final (`finality-wait`).
    case finalityWait = "finality-wait"
    /// Delivered early, rolled back if the source block is reverted (`optimistic`).
    case optimistic = "optimistic"
    /// Locked on the source, then committed on the destination in a second step (`two-phase`).
    case twoPhase = "two-phase"

    /// The spelling used in scenario files, e.g. `one-slot`.
    package var description: String { rawValue }
}

extension CrossShardModel: ScenarioScalar {
    static var expectation: String { "one of " + allCases.map(\.rawValue).joined(separator: ", ") }

    static func parse(_ text: String) -> Result<CrossShardModel, ValueProblem> {
        let trimmed = String(Substring(text).trimmingSpaces())
        guard let model = CrossShardModel(rawValue: trimmed) else {
            return .failure(ValueProblem(expected: expectation))
        }
        return .success(model)
    }

    var canonicalText: String { rawValue }
}
