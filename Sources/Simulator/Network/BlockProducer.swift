import Beacon
import Foundation
import Shard

/// Produces, executes and checks one shard's block of the workload EE for one slot.
///
/// The proposer packages the waiting receipts (as receive operations) and then the oldest pending user
/// transactions, as many as fit the block's gas and byte limits by the EE's estimates; the EE's state provider
/// builds the block with its witnesses, the EE's wasm executes it, and the state provider recomputes it natively
/// (``LiveWorkload/produce(_:runtime:)``): any difference stops the run, because one of the two is wrong.
struct BlockProducer {
    let settings: SimulationSettings
    let runtime: EERuntime

    /// Produces `node`'s block for `slot` (or records a missed slot when `proposer` is `nil`).
    func produce(_ node: ShardNode, slot: Slot, proposer: ValidatorIndex?) throws(SimulationError) -> ShardSlotOutcome {
        let ee = settings.ees[Int(settings.workloadEE.index)]
        var row = SlotRow(slot: slot, shard: node.id, proposer: proposer)
        let feeMarket = self.feeMarket
        guard proposer != nil else {
            let fees = feeMarket?.missedSlot(node, slot: slot, row: &row)
            row.mempoolAfter = node.mempool.count
            row.inboxAfter = node.inbox.count
            row.stateRoot = node.stateRoots[Int(ee.id.index)]
            row.eeBalance = node.balances[Int(ee.id.index)]
            var outcome = ShardSlotOutcome(row: row)
            outcome.fees = fees
            return outcome
        }
        let expired = feeMarket?.expire(node, slot: slot) ?? 0

        // 1. Choose what goes in: receipts first (they may fund the senders), then the oldest transactions.
        let estimates = node.workload.estimates
        var gasBudget = settings.blockGasLimit
        var byteBudget = settings.blockSizeLimit - estimates.headerBytes
        var receipts: [Receipt] = []
        for receipt in node.inbox {
            guard gasBudget >= estimates.gasPerReceive, byteBudget >= estimates.bytesPerReceive else { break }
            gasBudget -= estimates.gasPerReceive
            byteBudget -= estimates.bytesPerReceive
            receipts.append(receipt)
        }
        func take(_ transaction: UserTransaction) -> Bool {
            let bytes = transaction.isCrossShard ? estimates.bytesPerSend : estimates.bytesPerTransfer
            guard gasBudget >= estimates.gasPerUserOperation, byteBudget >= bytes else { return false }
            gasBudget -= estimates.gasPerUserOperation
            byteBudget -= bytes
            return true
        }
        // With a fee market, the best-paying transactions that can pay; without, the oldest.
        let chosen = feeMarket?.choose(from: node, take: take) ?? Array(node.mempool.prefix(while: take))

        // 2. The block's operations: faults are drawn per transaction, then a replayed receipt, then a forged witness.
        let intents = chosen.map { transaction in
            UserIntent(
                from: transaction.from, destinationShard: transaction.destinationShard,
                destinationEE: settings.workloadEE, to: transaction.to, amount: transaction.amount,
                fault: settings.faults.draw(&node.faultStream))
        }
        var replayed: Receipt? = nil
        if settings.faults.replayedReceipt > 0, node.faultStream.bernoulli(settings.faults.replayedReceipt) {
            replayed = node.lastClaimedReceipt
        }
        let forge = settings.faults.forgedWitness > 0 && node.faultStream.bernoulli(settings.faults.forgedWitness)
        let request = WorkloadBlockRequest(
            shard: node.id, slot: slot, seed: settings.seed, ee: ee.id, balance: node.balances[Int(ee.id.index)],
            receipts: receipts, intents: intents, replayed: replayed, forgeWitness: forge)

        // 3. Build, execute in wasm, check natively, apply.
        let block: WorkloadBlockOutcome
        do {
            block = try node.workload.produce(request, runtime: runtime)
        } catch {
            throw SimulationError(error, shard: node.id, slot: slot, ee: ee.name)
        }
        let result = block.result

        var outcome = ShardSlotOutcome(row: row)
        outcome.executionWallMicros = block.wallMicros
        outcome.row.transactions = chosen.count
        outcome.row.gasUsed = result.gasUsed
        outcome.row.blockBytes = block.data.count
        outcome.row.witnessBytes = block.witnessBytes
        outcome.row.executionMicros = result.gasUsed * 1_000_000 / settings.gasPerSecond
        if let feeMarket { feeMarket.remove(chosen, from: node) } else { node.mempool.removeFirst(chosen.count) }

        if let failure = result.failure {
            // The whole execution failed: nothing changed, the transactions are lost, the receipts wait.
            outcome.row.rejectedBlockFailed = chosen.count
            outcome.row.executionFailure = failure.reasonCode
            outcome.included = chosen.map { (transaction: $0, result: OperationResult?.none) }
        } else {
            outcome.touchedAccounts = block.changedAccounts
            node.stateRoots[Int(ee.id.index)] = result.postStateRoot
            node.balances[Int(ee.id.index)] = result.effects.balanceAfter
            let codes = block.results
            let userRange = receipts.count..<(receipts.count + chosen.count)
            for index in codes.indices where !userRange.contains(index) && codes[index] != .applied {
                outcome.row.rejected[codes[index], default: 0] += 1
            }
            var sendTransactions: [UInt64] = []
            for (offset, transaction) in chosen.enumerated() {
                let code = codes[receipts.count + offset]
                outcome.included.append((transaction, code))
                if code == .applied {
                    outcome.row.applied += 1
                    if transaction.isCrossShard { sendTransactions.append(transaction.id) }
                } else {
                    outcome.row.rejected[code, default: 0] += 1
                }
            }
            for (index, transfer) in result.effects.transfers.enumerated() {
                let receipt = Receipt(
                    id: Receipt.ID(sourceShard: node.id, sourceSlot: slot, index: UInt32(index)),
                    sourceEE: ee.id, destinationShard: transfer.destinationShard, destinationEE: transfer.destinationEE,
                    amount: transfer.amount, payload: transfer.payload)
                outcome.sentReceipts.append((receipt, sendTransactions[index]))
            }
            let claimed = Set(result.effects.claimedReceipts)
            outcome.claimedReceipts = result.effects.claimedReceipts.map { receipts[Int($0)] }
            if let last = outcome.claimedReceipts.last { node.lastClaimedReceipt = last }
            node.inbox = receipts.indices.filter { !claimed.contains(UInt32($0)) }.map { receipts[$0] }
                + node.inbox.dropFirst(receipts.count)
            outcome.row.receiptsIn = claimed.count
            outcome.row.receiptsOut = outcome.sentReceipts.count
            outcome.crosslink = Crosslink(
                shard: node.id, slot: slot, blockRoot: Root(bytes: Keccak256.hash(block.data))!,
                stateRoots: node.stateRoots, receiptRoot: Self.receiptRoot(outcome.sentReceipts.map { $0.receipt }))
        }
        // The fee market settles last in the block; a failed workload execution included nothing to pay for.
        let settled = result.succeeded ? chosen : []
        try feeMarket?.settle(
            node, slot: slot, included: settled,
            operationHashes: Array(block.userOperationHashes.prefix(settled.count)),
            receipts: result.succeeded ? outcome.row.receiptsIn : 0,
            witnessBytesPerTransaction: estimates.witnessBytesPerUserOperation, expired: expired, outcome: &outcome)
        outcome.row.mempoolAfter = node.mempool.count
        outcome.row.inboxAfter = node.inbox.count
        outcome.row.stateRoot = node.stateRoots[Int(ee.id.index)]
        outcome.row.eeBalance = node.balances[Int(ee.id.index)]
        return outcome
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
            bytes += receipt.payload
        }
        return Root(bytes: Keccak256.hash(bytes))!
    }
}
