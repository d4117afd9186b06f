import Beacon
import Foundation
import Shard

/// The fee market's part in block production, one shard at a time: expiring old transactions, choosing the ones
/// that pay best, and settling the block through the fee-market EE (executed in wasm, checked natively).
///
/// Called by ``BlockProducer`` from the worker producing the shard's block; it touches only that shard's node.
struct FeeMarket {
    let settings: FeeSettings
    let ee: FeeMarketEE
    let runtime: EERuntime
    let clock: SlotClock

    /// Sets every shard's genesis fee state: base fee, relayers' deposits, and the fee-market EE's root and
    /// balance (the deposits, so the ETH total counts them).
    static func genesis(_ nodes: inout [ShardState], settings: FeeSettings, ee: FeeMarketEE, seed: UInt64) {
        for index in nodes.indices {
            let node = nodes[index]
            let relayers = ee.genesis(
                seed: seed, shard: node.id, relayerCount: settings.relayersPerShard,
                deposit: settings.depositPerRelayer)
            let state = ShardFeeState(
                baseFee: settings.initialBaseFee, relayers: relayers, deposits: ee.totalBalance(of: relayers))
            nodes[index].stateRoots[Int(settings.ee.index)] = ee.root(of: relayers)
            nodes[index].balances[Int(settings.ee.index)] = state.deposits
            nodes[index].fees = state
        }
    }

    /// The last microsecond of `slot`, when its blocks are produced.
    private func blockTime(_ slot: Slot) -> SimTime { SimTime(micros: clock.start(of: slot.next).micros - 1) }

    /// Drops the transactions that have waited `timeout` or longer by the time of `slot`'s block; returns them,
    /// in mempool order.
    func expire(_ node: inout ShardState, slot: Slot) -> [UserTransaction] {
        let now = blockTime(slot)
        let expired = Array(node.mempool.filter { $0.created + settings.timeout <= now })
        guard !expired.isEmpty else { return [] }
        node.mempool.removeAll { $0.created + settings.timeout <= now }
        node.fees?.expiredTotal += UInt64(expired.count)
        return expired
    }

    /// The transactions for the block, best tip first (`min(priority, cap − base fee)`, ties oldest first).
    /// A transaction whose cap is below the base fee, or whose relayer's remaining deposit cannot cover it, waits;
    /// `take` says whether one more fits the block (and reserves its room), and the first that does not ends it.
    /// `admit` can keep a transaction out without ending the block (two-phase locks).
    func choose(
        from node: ShardState, admit: (UserTransaction) -> Bool = { _ in true }, take: (UserTransaction) -> Bool
    ) -> [UserTransaction] {
        guard let state = node.fees else { return [] }
        let payable = node.mempool.compactMap { transaction -> (tip: WeiPerGas, transaction: UserTransaction)? in
            FeeMarketReference.effectiveTip(
                maxFee: transaction.bid.maxFeePerGas, priority: transaction.bid.priorityFeePerGas,
                baseFee: state.baseFee
            ).map { ($0, transaction) }
        }
        let ranked = payable.sorted { $0.tip != $1.tip ? $0.tip > $1.tip : $0.transaction.id < $1.transaction.id }
        var remaining = ee.accounts(of: state.relayers).map(\.balance)
        var chosen: [UserTransaction] = []
        for (tip, transaction) in ranked {
            let relayer = Int(transaction.bid.relayer)
            // A charge too large for 64 bits would be rejected as an overflow: such a transaction waits.
            // A send also prepays its receipt's processing (at most: a send the EE rejects prepays nothing).
            let receiptGas = transaction.sendsReceipt ? FeeSettings.gasPerReceipt : 0
            guard
                let fee = FeeMarketReference.charge(
                    gas: FeeSettings.gasPerTransaction, baseFee: state.baseFee, tip: tip)?.owed,
                let prepay = FeeMarketReference.receiptPrepayment(gas: receiptGas, baseFee: state.baseFee, tip: tip),
                fee.value.addingReportingOverflow(prepay.value).overflow == false,
                relayer < remaining.count, remaining[relayer] >= fee + prepay
            else { continue }
            guard admit(transaction) else { continue }
            let owed = fee + prepay
            guard take(transaction) else { break }
            remaining[relayer] = remaining[relayer] - owed
            chosen.append(transaction)
        }
        return chosen
    }

    /// Removes the block's transactions from the mempool.
    func remove(_ chosen: [UserTransaction], from node: inout ShardState) {
        let ids = Set(chosen.map(\.id))
        node.mempool.removeAll { ids.contains($0.id) }
    }

    /// A missed slot: no block, so nothing is settled and the base fee carries over; expiry still runs.
    func missedSlot(_ node: inout ShardState, slot: Slot, outcome: inout ShardSlotOutcome) -> FeeRow? {
        guard let state = node.fees else { return nil }
        let expired = expire(&node, slot: slot)
        outcome.expired = expired.map(\.id)
        for index in outcome.rows.indices {
            outcome.rows[index].baseFeePerGas = state.baseFee
            outcome.rows[index].gasTarget = settings.rule.targetGas
        }
        var fees = FeeRow(
            slot: slot, shard: node.id, missed: true, baseFee: state.baseFee, nextBaseFee: state.baseFee,
            gasTarget: settings.rule.targetGas, gasLimit: settings.gasLimit)
        fees.expired = expired.count
        finish(&fees, node: node)
        return fees
    }

    /// Settles the block into `outcome` (its `fees` row and base-fee columns): the fee-market EE runs in
    /// wasm with a look-back over `included` (the user transactions of a successful workload execution, with the
    /// hashes of their operations), the native reference checks it, and the relayers' deposits, the EE's root and
    /// balance, and the base fee move on.
    ///
    /// - Throws: ``SimulationError`` when the wasm and the native reference disagree.
    func settle(
        _ node: inout ShardState, slot: Slot, included: [UserTransaction], operationHashes: [Root], receipts: Int,
        witnessBytes: Int, expired: Int, outcome: inout ShardSlotOutcome
    ) throws(SimulationError) {
        guard var state = node.fees else { return }
        let eeIndex = Int(settings.ee.index)
        // The transactions that sent a receipt prepay its processing on the destination shard.
        let senders = Set(outcome.sentReceipts.map(\.transactionID))
        let entries = zip(included, operationHashes).map { transaction, hash in
            var entry = LookBackEntry(
                transactionHash: hash, relayer: transaction.bid.relayer,
                gas: FeeSettings.gasPerTransaction, maxFeePerGas: transaction.bid.maxFeePerGas,
                priorityFeePerGas: transaction.bid.priorityFeePerGas)
            if senders.contains(transaction.id) { entry.receiptGas = UInt32(FeeSettings.gasPerReceipt) }
            return entry
        }
        let block = ee.settlement(on: state.relayers, shard: node.id, baseFee: state.baseFee, entries: entries)
        var context = ShardContext(shard: node.id, slot: slot, ee: settings.ee, balance: node.balances[eeIndex])
        context.baseFeePerGas = state.baseFee
        context.lookBack = entries
        let executed: ExecutedBlock<FeeMarketOutcome>
        do {
            executed = try ee.execute(block, on: state.relayers, context: context, runtime: runtime)
            if executed.succeeded { try ee.commit(executed, to: &state.relayers) }
        } catch {
            throw SimulationError(error, shard: node.id, slot: slot, ee: ee.module.name)
        }
        let result = executed.result
        let reference = executed.reference

        let gasUsed =
            FeeSettings.gasPerTransaction * UInt64(included.count)
            + FeeSettings.gasPerReceipt * UInt64(receipts)
        var fees = FeeRow(
            slot: slot, shard: node.id, missed: false, baseFee: state.baseFee,
            nextBaseFee: settings.rule.next(after: state.baseFee, gasUsed: gasUsed), gasTarget: settings.rule.targetGas,
            gasLimit: settings.gasLimit)
        fees.gasUsed = gasUsed
        fees.included = included.count
        fees.expired = expired
        fees.executionGas = result.gasUsed
        fees.executionFailure = result.failure?.reasonCode ?? ""
        if result.succeeded {
            state.deposits = ee.totalBalance(of: state.relayers)
            node.stateRoots[eeIndex] = reference.postStateRoot
            node.balances[eeIndex] = result.effects.balanceAfter
            state.burnedTotal = state.burnedTotal + reference.burned
            state.paidToProposersTotal = state.paidToProposersTotal + reference.paidToProposer
            fees.settled = reference.results.filter { $0 == .settled }.count
            fees.rejected = reference.results.count - fees.settled
            fees.burned = reference.burned
            fees.proposerRevenue = reference.paidToProposer
            attachPrepayments(reference.prepaid, of: included, to: &outcome, fees: &fees)
        } else {
            fees.rejected = entries.count
        }
        processReceiptFees(outcome.claimedReceipts, baseFee: state.baseFee, state: &state, fees: &fees)
        let charge = Gwei(settings.witnessFeePerByte.value * UInt64(witnessBytes))
        fees.relayerRevenue = charge
        state.relayerRevenueTotal = state.relayerRevenueTotal + charge
        let now = blockTime(slot)
        let delays = included.map { (now - $0.created).micros }
        fees.meanInclusionDelayMicros = delays.isEmpty ? 0 : delays.reduce(0, +) / UInt64(delays.count)
        fees.maxInclusionDelayMicros = delays.max() ?? 0
        for index in outcome.rows.indices {
            outcome.rows[index].baseFeePerGas = state.baseFee
            outcome.rows[index].gasTarget = settings.rule.targetGas
        }
        state.baseFee = fees.nextBaseFee
        node.fees = state
        finish(&fees, node: node)
        outcome.fees = fees
    }

    /// Puts each settled send's prepaid receipt fee into the receipt it sent (a send whose entry was rejected, or
    /// a block whose fee-market execution failed, sends its receipt unpaid).
    private func attachPrepayments(
        _ prepaid: [Gwei], of included: [UserTransaction], to outcome: inout ShardSlotOutcome, fees: inout FeeRow
    ) {
        var byTransaction: [UInt64: Gwei] = [:]
        for (transaction, fee) in zip(included, prepaid) where fee > .zero { byTransaction[transaction.id] = fee }
        for index in outcome.sentReceipts.indices {
            guard let fee = byTransaction[outcome.sentReceipts[index].transactionID] else { continue }
            outcome.sentReceipts[index].receipt = outcome.sentReceipts[index].receipt.prepaying(fee)
            fees.receiptFeesPrepaid = fees.receiptFeesPrepaid + fee
        }
    }

    /// The processing fee of every receipt the block claimed, out of its prepayment: 1,500 gas × the block's base
    /// fee is burned and the rest paid to the block's proposer; a prepayment below that is burned whole (the
    /// receipt is processed anyway: it cannot be repriced, and its value must not be stranded) and counted.
    private func processReceiptFees(
        _ claimed: [Receipt], baseFee: WeiPerGas, state: inout ShardFeeState, fees: inout FeeRow
    ) {
        // At most 2⁶⁴ − 1 wei per gas × 1,500 gas, which fits 2⁶⁴ gwei.
        let due = baseFee.charge(forGas: FeeSettings.gasPerReceipt) ?? Gwei(.max)
        for receipt in claimed {
            let burn = min(receipt.prepaidFee, due)
            let tip = receipt.prepaidFee - burn
            if receipt.prepaidFee < due { fees.receiptsUnderpaid += 1 }
            fees.receiptFeesBurned = fees.receiptFeesBurned + burn
            fees.receiptFeesTipped = fees.receiptFeesTipped + tip
        }
        state.burnedTotal = state.burnedTotal + fees.receiptFeesBurned
        state.paidToProposersTotal = state.paidToProposersTotal + fees.receiptFeesTipped
    }

    /// Fills the after-the-block columns.
    private func finish(_ fees: inout FeeRow, node: ShardState) {
        guard let state = node.fees else { return }
        fees.relayerDeposits = state.deposits
        fees.waiting = node.mempool.count
        fees.waitingUnderpriced = node.mempool.filter { $0.bid.maxFeePerGas < state.baseFee }.count
    }
}
