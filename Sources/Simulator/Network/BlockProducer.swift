import Beacon
import Foundation
import Shard

/// Produces, executes and checks one shard's block of the workload EE for one slot.
///
/// The proposer packages the waiting receipts (as receive operations) and then the oldest pending user
/// transactions, as many as fit the block's gas and byte limits by estimate; the state provider signs them with the
/// nonce it predicts, attaches the multiproof of every account touched, and the EE's wasm executes the block. The
/// state provider then recomputes the block natively: any difference in the post-state root or the results stops the
/// run, because one of the two is wrong.
struct BlockProducer {
    /// Gas the proposer budgets per operation when filling a block; the runtime measures the real figure.
    static let estimatedGasPerSignedTransaction: UInt64 = 5_000
    static let estimatedGasPerReceive: UInt64 = 1_500

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
        let depth = node.tokenState.depth
        var gasBudget = settings.blockGasLimit
        var byteBudget = settings.blockSizeLimit - TokenBlock.headerByteCount
        let estimatedWitnessBytes = TokenWitness.leafByteCount + 16 * depth
        var receipts: [Receipt] = []
        for receipt in node.inbox {
            let bytes = 9 + estimatedWitnessBytes
            guard gasBudget >= Self.estimatedGasPerReceive, byteBudget >= bytes else { break }
            gasBudget -= Self.estimatedGasPerReceive
            byteBudget -= bytes
            receipts.append(receipt)
        }
        func take(_ transaction: UserTransaction) -> Bool {
            let bytes = (transaction.isCrossShard ? 96 : 90) + 2 * estimatedWitnessBytes
            guard gasBudget >= Self.estimatedGasPerSignedTransaction, byteBudget >= bytes else { return false }
            gasBudget -= Self.estimatedGasPerSignedTransaction
            byteBudget -= bytes
            return true
        }
        // With a fee market, the best-paying transactions that can pay; without, the oldest.
        let chosen = feeMarket?.choose(from: node, take: take) ?? Array(node.mempool.prefix(while: take))

        // 2. Encode: receives, then signed transactions with predicted nonces.
        var operations: [TokenTransaction] = []
        var predicted = PredictedAccounts(tree: node.tokenState)
        for (index, receipt) in receipts.enumerated() {
            let to = Self.recipient(of: receipt)
            operations.append(.receive(TokenReceive(receiptIndex: UInt32(index), to: to)))
            predicted.credit(to, receipt.amount)
        }
        for transaction in chosen {
            let fault = settings.faults.draw(&node.faultStream)
            var amount = transaction.amount
            let current = predicted.peek(transaction.from)
            let nonce: UInt64
            switch fault {
            case .none:
                nonce = predicted.spend(transaction.from, amount)
                if !transaction.isCrossShard { predicted.creditIfSpent(transaction.to, amount, by: transaction.from) }
            case .badSignature:
                nonce = current.nonce
            case .replayedNonce:
                nonce = current.nonce > 0 ? current.nonce - 1 : current.nonce + 1
            case .overdraft:
                nonce = current.nonce
                amount = current.balance + Gwei(1)
            }
            operations.append(sign(transaction, amount: amount, nonce: nonce, corrupt: fault == .badSignature, on: node.id))
        }
        // A replayed receipt: claim again the last receipt this shard processed (the host refuses it).
        var replayed: IncomingReceipt? = nil
        if settings.faults.replayedReceipt > 0, node.faultStream.bernoulli(settings.faults.replayedReceipt),
            let old = node.lastClaimedReceipt
        {
            replayed = IncomingReceipt(
                sourceShard: old.id.sourceShard, sourceEE: old.sourceEE, amount: old.amount, payload: old.payload,
                alreadyProcessed: true)
            operations.append(.receive(TokenReceive(receiptIndex: UInt32(receipts.count), to: Self.recipient(of: old))))
        }
        var block = node.tokenState.block(shard: node.id, transactions: operations)
        if settings.faults.forgedWitness > 0, node.faultStream.bernoulli(settings.faults.forgedWitness),
            !block.witness.leaves.isEmpty
        {
            // A forged witness: one balance raised by 1 gwei; it no longer proves the pre-state root.
            block.witness.leaves[0].account.balance = block.witness.leaves[0].account.balance + Gwei(1)
        }
        let data = block.encoded
        let context = ShardContext(
            shard: node.id, slot: slot, ee: ee.id, balance: node.balances[Int(ee.id.index)],
            incomingReceipts: receipts.map {
                IncomingReceipt(sourceShard: $0.id.sourceShard, sourceEE: $0.sourceEE, amount: $0.amount, payload: $0.payload)
            } + (replayed.map { [$0] } ?? []))
        let preStateRoot = node.stateRoots[Int(ee.id.index)]

        // 3. Execute in wasm, then natively, and compare.
        let started = DispatchTime.now().uptimeNanoseconds
        let result = runtime.execute(ee.module, preStateRoot: preStateRoot, blockData: data, context: context)
        let wallMicros = (DispatchTime.now().uptimeNanoseconds - started) / 1_000
        let reference = TokenReference.apply(
            block: block, preStateRoot: preStateRoot, context: context, recoveredKeys: result.recoveredKeys)
        try check(result, against: reference, shard: node.id, slot: slot, ee: ee.name)

        var outcome = ShardSlotOutcome(row: row)
        outcome.executionWallMicros = wallMicros
        outcome.row.transactions = chosen.count
        outcome.row.gasUsed = result.gasUsed
        outcome.row.blockBytes = data.count
        outcome.row.witnessBytes = block.witness.byteCount
        outcome.row.executionMicros = result.gasUsed * 1_000_000 / settings.gasPerSecond
        if let feeMarket { feeMarket.remove(chosen, from: node) } else { node.mempool.removeFirst(chosen.count) }

        if let failure = result.failure {
            // The whole execution failed: nothing changed, the transactions are lost, the receipts wait.
            outcome.row.rejectedBlockFailed = chosen.count
            outcome.row.executionFailure = failure.reasonCode
            outcome.included = chosen.map { (transaction: $0, result: TokenResultCode?.none) }
        } else {
            node.tokenState.apply(reference)
            outcome.touchedAccounts = reference.accounts
            guard node.tokenState.root == result.postStateRoot else {
                throw .rootMismatch(
                    shard: node.id, slot: slot, ee: ee.name, wasm: result.postStateRoot, native: node.tokenState.root)
            }
            node.stateRoots[Int(ee.id.index)] = result.postStateRoot
            node.balances[Int(ee.id.index)] = result.effects.balanceAfter
            let codes = Self.codes(result.effects.results, count: operations.count)
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
                shard: node.id, slot: slot, blockRoot: Root(bytes: Keccak256.hash(data))!,
                stateRoots: node.stateRoots, receiptRoot: Self.receiptRoot(outcome.sentReceipts.map { $0.receipt }))
        }
        // The fee market settles last in the block; a failed token execution included nothing to pay for.
        let settled = result.succeeded ? chosen : []
        try feeMarket?.settle(
            node, slot: slot, included: settled, operations: Array(operations[receipts.count...].prefix(settled.count)),
            receipts: result.succeeded ? outcome.row.receiptsIn : 0, witnessBytesPerTransaction: 2 * estimatedWitnessBytes,
            expired: expired, outcome: &outcome)
        outcome.row.mempoolAfter = node.mempool.count
        outcome.row.inboxAfter = node.inbox.count
        outcome.row.stateRoot = node.stateRoots[Int(ee.id.index)]
        outcome.row.eeBalance = node.balances[Int(ee.id.index)]
        return outcome
    }

    /// The signed operation for a user transaction; `corrupt` flips a bit of the signature.
    private func sign(
        _ transaction: UserTransaction, amount: Gwei, nonce: UInt64, corrupt: Bool, on shard: ShardID
    ) -> TokenTransaction {
        let key = TokenSigning.privateKey(seed: settings.seed, shard: shard, account: transaction.from)
        if transaction.isCrossShard {
            var send = TokenSend(
                from: transaction.from, destinationShard: transaction.destinationShard,
                destinationEE: settings.workloadEE, destinationAccount: transaction.to, amount: amount, nonce: nonce
            ).signed(with: key, shard: shard)
            if corrupt { send.signature[0] ^= 1 }
            return .send(send)
        }
        var transfer = TokenTransfer(from: transaction.from, to: transaction.to, amount: amount, nonce: nonce)
            .signed(with: key, shard: shard)
        if corrupt { transfer.signature[0] ^= 1 }
        return .transfer(transfer)
    }

    /// The wasm and native executions must agree on success, root, results and effects.
    private func check(
        _ result: ExecutionResult, against reference: TokenOutcome, shard: ShardID, slot: Slot, ee: String
    ) throws(SimulationError) {
        guard result.isComparableWithReference else { return }
        guard result.succeeded == reference.succeeded else {
            throw .resultMismatch(
                shard: shard, slot: slot, ee: ee,
                detail: "wasm \(result.failure.map { "failed: \($0)" } ?? "succeeded"), native \(reference.failure.map { "failed: \($0)" } ?? "succeeded")")
        }
        guard result.succeeded else { return }
        guard result.postStateRoot == reference.postStateRoot else {
            throw .rootMismatch(shard: shard, slot: slot, ee: ee, wasm: result.postStateRoot, native: reference.postStateRoot)
        }
        guard result.effects == reference.effects else {
            throw .resultMismatch(shard: shard, slot: slot, ee: ee, detail: "reported results or transfers differ")
        }
    }

    /// The result code of each operation, by index; an operation the EE did not report is malformed.
    private static func codes(_ results: [ReportedResult], count: Int) -> [TokenResultCode] {
        var codes = [TokenResultCode](repeating: .malformed, count: count)
        for result in results where Int(result.transactionIndex) < count {
            codes[Int(result.transactionIndex)] = TokenResultCode(rawValue: result.code) ?? .malformed
        }
        return codes
    }

    /// The account a token receipt credits: its payload is the little-endian account index.
    static func recipient(of receipt: Receipt) -> UInt32 {
        guard receipt.payload.count >= 4 else { return .max }
        return receipt.payload.prefix(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
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
