import Beacon
import Foundation
import Shard

/// Produces, executes and checks one shard's block for one slot: one block per workload EE, in the order of
/// `workload.ee`, then the fee market's settlement.
///
/// The proposer packages the waiting receipts (as receive operations of their EEs) and then the oldest pending user
/// transactions, as many as fit the shard block's gas and byte limits by each EE's estimates; each EE's state
/// provider builds its block with witnesses, the EE's wasm executes it, and the state provider recomputes it natively
/// (``LiveWorkload/produce(_:runtime:)``): any difference stops the run, because one of the two is wrong. The gas
/// limit holds on measured gas: a block whose execution used more than the shard block has left is trimmed and
/// executed again (``produceWithinGas(_:request:budget:)``).
struct BlockProducer {
    let settings: SimulationSettings
    let runtime: EERuntime

    /// Produces `node`'s block for `slot` (or records a missed slot when `proposer` is `nil`): `node` becomes the
    /// shard's state after the block.
    func produce(
        _ node: inout ShardState, slot: Slot, proposer: ValidatorIndex?
    ) throws(SimulationError) -> ShardSlotOutcome {
        let workloads = settings.workloads
        var outcome = ShardSlotOutcome(
            rows: workloads.map { SlotRow(slot: slot, shard: node.id, ee: $0.id, eeName: $0.name, proposer: proposer) })
        let feeMarket = self.feeMarket
        guard proposer != nil else {
            outcome.fees = feeMarket?.missedSlot(&node, slot: slot, outcome: &outcome)
            finishRows(&outcome, node: node)
            return outcome
        }
        let expired = feeMarket?.expire(&node, slot: slot) ?? []
        outcome.expired = expired.map(\.id)

        // 1. Choose what goes in: receipts first (they may fund the senders), then the oldest transactions.
        let estimates = node.workloads.map(\.estimates)
        var gasBudget = settings.blockGasLimit
        var byteBudget = settings.blockSizeLimit - estimates.reduce(0) { $0 + $1.headerBytes }
        var receipts = [[Receipt]](repeating: [], count: workloads.count)
        for receipt in node.inbox {
            guard let position = settings.workloadPosition(of: receipt.destinationEE) else { continue }
            let estimate = estimates[position]
            guard gasBudget >= estimate.gasPerReceive, byteBudget >= estimate.bytesPerReceive else { break }
            gasBudget -= estimate.gasPerReceive
            byteBudget -= estimate.bytesPerReceive
            receipts[position].append(receipt)
        }
        func take(_ transaction: UserTransaction) -> Bool {
            let estimate = estimates[settings.workloadPosition(of: transaction.ee) ?? 0]
            let bytes = transaction.sendsReceipt ? estimate.bytesPerSend : estimate.bytesPerTransfer
            guard gasBudget >= estimate.gasPerUserOperation, byteBudget >= bytes else { return false }
            gasBudget -= estimate.gasPerUserOperation
            byteBudget -= bytes
            return true
        }
        // With a fee market, the best-paying transactions that can pay; without, the oldest. Under two-phase
        // commit, transactions that write a locked account wait or abort instead (LockScreen).
        let locking = settings.crossShardRules.lockTimeoutSlots
        let chosen: [UserTransaction]
        if let locking {
            var screen = LockScreen(locks: node.locks, slot: slot, timeoutSlots: locking)
            let admit = { (transaction: UserTransaction) in screen.admit(transaction) }
            let takeAndLock = { (transaction: UserTransaction) -> Bool in
                guard take(transaction) else { return false }
                screen.took(transaction)
                return true
            }
            chosen =
                feeMarket?.choose(from: node, admit: admit, take: takeAndLock)
                ?? Self.oldest(in: node.mempool, admit: admit, take: takeAndLock)
            let ids = Set(chosen.map(\.id))
            node.mempool.removeAll { ids.contains($0.id) }
            screen.apply(to: &node.mempool)
            outcome.lockWaits = screen.waiting
            outcome.lockAborts = screen.aborted
        } else {
            chosen = feeMarket?.choose(from: node, take: take) ?? Array(node.mempool.prefix(while: take))
            if let feeMarket { feeMarket.remove(chosen, from: &node) } else { node.mempool.removeFirst(chosen.count) }
        }

        // 2. Faults: one draw per transaction in the order chosen, then a replayed receipt, then a forged witness.
        var transactions = [[UserTransaction]](repeating: [], count: workloads.count)
        var intents = [[UserIntent]](repeating: [], count: workloads.count)
        for transaction in chosen {
            let position = settings.workloadPosition(of: transaction.ee) ?? 0
            transactions[position].append(transaction)
            intents[position].append(
                UserIntent(
                    from: transaction.from, destinationShard: transaction.destinationShard,
                    destinationEE: transaction.destinationEE, to: transaction.to, amount: transaction.amount,
                    fault: settings.faults.draw(&node.faultStream)))
        }
        var replayed: Receipt? = nil
        if settings.faults.replayedReceipt > 0, node.faultStream.bernoulli(settings.faults.replayedReceipt) {
            replayed = node.lastClaimedReceipt
        }
        let forge = settings.faults.forgedWitness > 0 && node.faultStream.bernoulli(settings.faults.forgedWitness)

        // 3. Each EE's block: built, executed in wasm, checked natively, applied.
        var blockData: [UInt8] = []
        var succeeded = false
        var claimedIDs = Set<Receipt.ID>()
        var settled: [UserTransaction] = []
        var settledHashes: [Root] = []
        var settledReceipts = 0
        var settledWitnessBytes = 0
        var gasLeft = settings.blockGasLimit
        for (position, workload) in workloads.enumerated() {
            let replay = replayed.flatMap { settings.workloadPosition(of: $0.destinationEE) == position ? $0 : nil }
            let request = WorkloadBlockRequest(
                shard: node.id, slot: slot, seed: settings.seed, ee: workload.id,
                balance: node.balances[Int(workload.id.index)], receipts: receipts[position],
                intents: intents[position], replayed: replay, forgeWitness: forge && position == 0)
            let fitted: FittedBlock
            do {
                fitted = try produceWithinGas(&node.workloads[position], request: request, budget: gasLeft)
            } catch {
                throw SimulationError(error, shard: node.id, slot: slot, ee: workload.name)
            }
            let block = fitted.block
            gasLeft -= min(gasLeft, block.result.gasUsed)
            blockData += block.data
            outcome.executionWallMicros += block.wallMicros
            outcome.rows[position].executionWallMicros = block.wallMicros
            // What did not fit the measured gas waits: transactions in the mempool, receipts in the inbox.
            let chosen = Array(transactions[position].prefix(fitted.request.intents.count))
            node.returnToMempool(transactions[position].dropFirst(chosen.count))
            var row = outcome.rows[position]
            row.transactionsTrimmed = transactions[position].count - chosen.count
            row.receiptsTrimmed = receipts[position].count - fitted.request.receipts.count
            receipts[position] = fitted.request.receipts
            let result = block.result
            row.transactions = chosen.count
            row.gasUsed = result.gasUsed
            row.blockBytes = block.data.count
            row.witnessBytes = block.witnessBytes
            row.executionMicros = result.gasUsed * 1_000_000 / settings.gasPerSecond
            defer { outcome.rows[position] = row }
            if let failure = result.failure {
                // The whole execution failed: nothing changed, the transactions are lost, the receipts wait.
                row.rejectedBlockFailed = chosen.count
                row.executionFailure = failure.reasonCode
                outcome.included += chosen.map { ShardSlotOutcome.Included(transaction: $0, result: nil) }
                continue
            }
            succeeded = true
            outcome.touchedAccounts[position] = block.changedAccounts
            node.stateRoots[Int(workload.id.index)] = result.postStateRoot
            node.balances[Int(workload.id.index)] = result.effects.balanceAfter
            let codes = block.results
            let userRange = receipts[position].count..<(receipts[position].count + chosen.count)
            for index in codes.indices where !userRange.contains(index) && codes[index] != .applied {
                row.rejected[codes[index], default: 0] += 1
            }
            var sendTransactions: [UInt64] = []
            for (offset, transaction) in chosen.enumerated() {
                let code = codes[userRange.lowerBound + offset]
                outcome.included.append(ShardSlotOutcome.Included(transaction: transaction, result: code))
                if code == .applied {
                    row.applied += 1
                    if transaction.sendsReceipt { sendTransactions.append(transaction.id) }
                    if locking != nil, transaction.sendsReceipt {
                        // Prepared: the sender's account stays locked until the transfer commits or is refunded.
                        node.locks.lock(ee: transaction.ee, account: transaction.from, by: transaction.id)
                    }
                } else {
                    row.rejected[code, default: 0] += 1
                }
            }
            for (index, transfer) in result.effects.transfers.enumerated() {
                let receipt = Receipt(
                    id: Receipt.ID(sourceShard: node.id, sourceSlot: slot, index: UInt32(outcome.sentReceipts.count)),
                    sourceEE: workload.id, destinationShard: transfer.destinationShard,
                    destinationEE: transfer.destinationEE, amount: transfer.amount, payload: transfer.payload)
                outcome.sentReceipts.append(
                    ShardSlotOutcome.Sent(receipt: receipt, transactionID: sendTransactions[index]))
            }
            let incoming = receipts[position] + (replay.map { [$0] } ?? [])
            let claimed = result.effects.claimedReceipts.map { incoming[Int($0)] }
            outcome.claimedReceipts += claimed
            if let last = claimed.last { node.lastClaimedReceipt = last }
            claimedIDs.formUnion(claimed.map(\.id))
            row.receiptsIn = claimed.count
            row.receiptsOut = result.effects.transfers.count
            settled += chosen
            settledHashes += block.userOperationHashes.prefix(chosen.count)
            settledReceipts += claimed.count
            settledWitnessBytes += estimates[position].witnessBytesPerUserOperation * chosen.count
        }
        node.inbox.removeAll { claimedIDs.contains($0.id) }
        // The fee market settles last in the block; a failed workload execution included nothing to pay for.
        try feeMarket?.settle(
            &node, slot: slot, included: settled, operationHashes: settledHashes, receipts: settledReceipts,
            witnessBytes: settledWitnessBytes, expired: expired.count, outcome: &outcome)
        // The crosslink, built once the block is complete: it commits to every EE's root after it, the fee-market
        // EE's included. A shard whose every workload execution failed produced nothing to crosslink.
        if succeeded {
            outcome.crosslink = Crosslink(
                shard: node.id, slot: slot, blockRoot: Root(bytes: Keccak256.hash(blockData))!,
                stateRoots: node.stateRoots, receiptRoot: Self.receiptRoot(outcome.sentReceipts.map { $0.receipt }))
        }
        finishRows(&outcome, node: node)
        return outcome
    }

    /// The oldest transactions `admit` lets in, while `take` finds room for them.
    private static func oldest(
        in mempool: some Sequence<UserTransaction>, admit: (UserTransaction) -> Bool,
        take: (UserTransaction) -> Bool
    ) -> [UserTransaction] {
        var chosen: [UserTransaction] = []
        for transaction in mempool where admit(transaction) {
            guard take(transaction) else { break }
            chosen.append(transaction)
        }
        return chosen
    }

    /// Fills each EE's after-the-block columns: what still waits for it, its root and balance.
    private func finishRows(_ outcome: inout ShardSlotOutcome, node: ShardState) {
        for (position, workload) in settings.workloads.enumerated() {
            let id = workload.id
            outcome.rows[position].mempoolAfter =
                settings.workloads.count == 1 ? node.mempool.count : node.mempool.count(where: { $0.ee == id })
            outcome.rows[position].inboxAfter =
                settings.workloads.count == 1 ? node.inbox.count : node.inbox.count(where: { $0.destinationEE == id })
            outcome.rows[position].stateRoot = node.stateRoots[Int(id.index)]
            outcome.rows[position].eeBalance = node.balances[Int(id.index)]
        }
    }

    /// A commitment to the block's receipts: keccak256 over their encodings in order; zero when there are none.
    static func receiptRoot(_ receipts: [Receipt]) -> Root {
        guard !receipts.isEmpty else { return .zero }
        var bytes: [UInt8] = []
        for receipt in receipts {
            withUnsafeBytes(of: receipt.id.index.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: receipt.destinationShard.index.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: receipt.destinationEE.index.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: receipt.amount.value.littleEndian) { bytes += $0 }
            if receipt.prepaidFee > .zero { withUnsafeBytes(of: receipt.prepaidFee.value.littleEndian) { bytes += $0 } }
            bytes += receipt.payload
        }
        return Root(bytes: Keccak256.hash(bytes))!
    }
}
