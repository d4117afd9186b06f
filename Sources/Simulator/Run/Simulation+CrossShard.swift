import Beacon
import Shard

/// The simulation's hooks into the cross-shard model: where receipts go at the end of a slot, what is in flight,
/// and which output rows are final.
extension Simulation {
    /// Takes the receipts committed in `slot` and the model's releases at the end of it, and fills the inboxes for
    /// the next slot; then writes the slot's in-flight row.
    func routeReceipts(_ sent: [Receipt], outcomes: [ShardSlotOutcome], slot: Slot) {
        if settings.crossShardRules.rewritableSlots > 0 {
            history.finish(slot, outcomes: outcomes, after: nodes)
        }
        var deliver = router.route(sent, committedIn: slot)
        let release = router.release(
            after: slot, produced: { outcomes[Int($0.index)].crosslink != nil },
            refundPayload: { [openTransfers, receiptTransactions] receipt in
                let sender = receiptTransactions[receipt.id].flatMap { openTransfers[$0] }?.transaction.from ?? .max
                return withUnsafeBytes(of: sender.littleEndian) { Array($0) }
            })
        deliver += release.deliver
        for (refund, aborted) in release.refunds {
            guard let transactionID = receiptTransactions.removeValue(forKey: aborted.id) else { continue }
            receiptTransactions[refund.id] = transactionID
            openTransfers[transactionID]?.outcome = .aborting
        }
        for receipt in deliver {
            nodes[Int(receipt.destinationShard.index)].inbox.append(receipt)
        }
        let waiting = nodes.reduce(into: (count: 0, gwei: Gwei.zero)) { sum, node in
            sum.count += node.inbox.count
            sum.gwei = node.inbox.reduce(sum.gwei) { $0 + $1.amount }
        }
        let held = router.heldGwei
        emit(
            .inflight(
                InflightRow(
                    slot: slot, receiptsWaiting: waiting.count, ethWaiting: waiting.gwei,
                    receiptsHeld: router.held.count, ethHeld: held)), slot: slot)
    }

    /// Optimistic model: remembers the shards and the bookkeeping before the blocks of `slot`.
    func checkpoint(before slot: Slot) {
        guard settings.crossShardRules.rewritableSlots > 0 else { return }
        history.begin(
            SlotCheckpoint(
                slot: slot, before: nodes, nextTransactionID: nextTransactionID,
                bookkeeping: bookkeeping))
    }

    /// The bookkeeping a rollback restores.
    var bookkeeping: SlotCheckpoint.Bookkeeping {
        get {
            SlotCheckpoint.Bookkeeping(
                totals: totals, openTransfers: openTransfers, receiptTransactions: receiptTransactions,
                crosslinks: crosslinks, router: router)
        }
        set {
            // Counters of what the model did survive the rollback that restores the rest.
            let counters = totals.crossShard
            totals = newValue.totals
            totals.crossShard = counters
            openTransfers = newValue.openTransfers
            receiptTransactions = newValue.receiptTransactions
            crosslinks = newValue.crosslinks
            router = newValue.router
        }
    }

    /// Sends an output row to its file, or holds it while its slot can still be rewritten.
    func emit(_ row: HeldOutputRows.Row, slot: Slot) {
        if settings.crossShardRules.rewritableSlots == 0 {
            write(row)
        } else {
            heldRows.hold(row, slot: slot)
        }
    }

    /// Writes the held rows of the slots that became final with the end of `slot`.
    func writeFinalRows(after slot: Slot) {
        guard let final = settings.crossShardRules.finalSlot(after: slot) else { return }
        for row in heldRows.take(through: final) { write(row) }
    }

    /// Writes every held row: the run has ended.
    func writeHeldRows() {
        for row in heldRows.take(through: nil) { write(row) }
    }

    private func write(_ row: HeldOutputRows.Row) {
        switch row {
        case .slot(let row, let wall): output?.slot(row, wallMicros: wall)
        case .transfer(let record): output?.transfer(record, model: settings.crossShardModel.rawValue)
        case .inflight(let row): output?.inflight(row)
        case .fees(let row): output?.fees(row)
        case .network(let row): output?.network(row)
        }
    }
}
