import Beacon
import RunFormat
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
        var deliver = router.route(
            sent, committedIn: slot,
            parties: { [openTransfers, receiptTransactions] receipt in
                guard let transaction = receiptTransactions[receipt.id].flatMap({ openTransfers[$0] })?.transaction
                else { return nil }
                return HeldReceipt.Parties(
                    transfer: transaction.id, sender: transaction.from, recipient: transaction.to)
            })
        let release = router.release(
            after: slot, vote: { vote(on: $0, outcomes: outcomes, slot: slot) },
            refundPayload: { [openTransfers, receiptTransactions] receipt in
                let sender = receiptTransactions[receipt.id].flatMap { openTransfers[$0] }?.transaction.from ?? .max
                return withUnsafeBytes(of: sender.littleEndian) { Array($0) }
            })
        deliver += release.deliver
        for (refund, aborted, reason) in release.refunds {
            guard let transactionID = receiptTransactions.removeValue(forKey: aborted.id) else { continue }
            receiptTransactions[refund.id] = transactionID
            openTransfers[transactionID]?.outcome = .aborting(reason)
        }
        for receipt in release.waiting {
            // The vote waited for the recipient's lock: one more slot held back.
            if let transactionID = receiptTransactions[receipt.id] { openTransfers[transactionID]?.lockWaitSlots += 1 }
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

    /// Two-phase commit: the destination's vote on the transfer `held` carries, at the end of `slot`. Without a
    /// block in `slot` the destination did not vote and the transfer aborts. Otherwise the vote takes the lock on
    /// the recipient's account: when it is free the vote is commit, and the sender's lock on the source is released
    /// (the debit is final); when another transfer holds it, ``LockConflictRule`` decides.
    private func vote(on held: HeldReceipt, outcomes: [ShardSlotOutcome], slot: Slot) -> TwoPhaseVote {
        let destination = Int(held.receipt.destinationShard.index)
        guard outcomes[destination].crosslink != nil else { return .abort(.noVote) }
        guard let parties = held.parties, let timeout = settings.crossShardRules.lockTimeoutSlots else {
            return .commit
        }
        let ee = held.receipt.destinationEE
        if let holder = nodes[destination].locks.holder(ee: ee, account: parties.recipient),
            holder != parties.transfer
        {
            switch LockConflictRule.verdict(
                requester: parties.transfer, holder: holder, waitingSince: held.waitingSince?.number,
                now: slot.number, timeout: timeout)
            {
            case .wait: return .wait
            case .die: return .abort(.lockConflict)
            case .timeout: return .abort(.lockTimeout)
            }
        }
        nodes[destination].locks.lock(ee: ee, account: parties.recipient, by: parties.transfer)
        nodes[Int(held.receipt.id.sourceShard.index)].locks.unlock(
            ee: held.receipt.sourceEE, account: parties.sender, heldBy: parties.transfer)
        return .commit
    }

    /// Optimistic model: remembers the shards and the bookkeeping before the blocks of `slot`.
    func checkpoint(before slot: Slot) {
        guard settings.crossShardRules.rewritableSlots > 0 else { return }
        history.begin(
            SlotCheckpoint(
                slot: slot, before: nodes, nextTransactionID: nextTransactionID,
                bookkeeping: bookkeeping))
    }

    /// The run's bookkeeping, as one value: what a checkpoint stores and a rollback restores.
    var bookkeeping: RunBookkeeping {
        get {
            RunBookkeeping(
                totals: totals, openTransfers: openTransfers, receiptTransactions: receiptTransactions,
                crosslinks: crosslinks, router: router)
        }
        set {
            totals = newValue.totals
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

extension Simulation {
    /// Two-phase commit: counts the transactions `outcome`'s block held back or aborted because of locks, and ends
    /// the transfers among the aborted ones (nothing was debited, so nothing is refunded).
    func recordLocks(_ outcome: ShardSlotOutcome, slot: Slot) {
        for id in outcome.lockWaits {
            if openTransfers[id] != nil {
                openTransfers[id]?.lockWaitSlots += 1
            } else {
                totals.crossShard.onShardLockWaits += 1
            }
        }
        for abort in outcome.lockAborts {
            guard var record = openTransfers.removeValue(forKey: abort.transaction.id) else {
                totals.crossShard.onShardLockAborted += 1
                continue
            }
            record.outcome = .aborted(abort.reason)
            totals.crossShard.recordEnd(of: record)
            if isMeasured(record.transaction) { totals.measured.failed += 1 }
            emit(.transfer(record), slot: slot)
        }
    }
}
