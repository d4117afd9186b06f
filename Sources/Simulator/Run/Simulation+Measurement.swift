import Beacon

/// The warm-up and the drain (``MeasurementWindow``): which transfers are measured, when the run may stop, and
/// what is left unfinished (censored) when it does.
extension Simulation {
    /// Whether `transaction` was submitted in the measured window (after the warm-up).
    func isMeasured(_ transaction: UserTransaction) -> Bool {
        settings.measurement.isMeasured(transaction.created, clock: settings.clock)
    }

    /// Counts a new arrival (also when a rollback's replay submits it again).
    func count(arrival transaction: UserTransaction) {
        totals.transactionsSubmitted += 1
        guard transaction.sendsReceipt else { return }
        totals.crossShardSubmitted += 1
        openTransfers[transaction.id] = TransferRecord(transaction: transaction)
        if isMeasured(transaction) { totals.measured.submitted += 1 }
    }

    /// After `slot`, at or past the last arrival slot: whether the drain runs one more slot (something is still in
    /// flight and the cap is not reached).
    func drainContinues(after slot: Slot) -> Bool {
        slot.number + 1 < settings.measurement.maximumSlots && !isQuiet(after: slot)
    }

    /// Whether nothing is in flight after `slot`: no transaction waits in a mempool, no receipt in an inbox or held
    /// by the cross-shard model, and (optimistic model) no block that sent receipts can still be reverted.
    func isQuiet(after slot: Slot) -> Bool {
        guard nodes.allSatisfy({ $0.mempool.isEmpty && $0.inbox.isEmpty }), router.held.isEmpty else { return false }
        let finality = settings.crossShardRules.rewritableSlots
        guard finality > 0 else { return true }
        // Blocks of slot s are decided at the end of slot s + finality.
        return !history.checkpoints.contains { checkpoint in
            checkpoint.slot.number + finality > slot.number
                && checkpoint.outcomes.contains { !$0.sentReceipts.isEmpty }
        }
    }

    /// The end of the run: the measured transfers still unfinished are censored; the drain's length and whether
    /// the run ended with nothing in flight are recorded.
    func finishMeasurement() {
        let measured = openTransfers.values.count { isMeasured($0.transaction) }
        totals.measured.censored = UInt64(measured)
        totals.measured.drainSlots = totals.slots > settings.slotCount ? totals.slots - settings.slotCount : 0
        totals.measured.drained = totals.slots == 0 || isQuiet(after: Slot(totals.slots - 1))
    }
}
