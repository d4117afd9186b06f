import Beacon

/// The ledger EE as a simulated EE: the worked example of `Documentation/WritingAnEE.md`. Its state root is the
/// hash of every account, so each block carries the whole state as its witness; signed transfers and sends,
/// receives of incoming receipts, checked by ``LedgerReference``.
package struct LedgerEE: WorkloadEE {
    package typealias State = LedgerState
    package typealias Block = LedgerBlock
    package typealias Reference = LedgerOutcome

    package let module: EEModule

    /// The ledger EE running `module` (`ledger.wasm`).
    package init(module: EEModule) { self.module = module }

    package func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> LedgerState {
        LedgerState.genesis(seed: seed, shard: shard, accountCount: accountCount, balance: balance)
    }

    package func root(of state: LedgerState) -> Root { state.root }

    package func accounts(of state: LedgerState) -> [EEAccount] {
        state.accounts.enumerated().map {
            EEAccount(
                index: UInt32($0.offset), address: $0.element.address, balance: $0.element.balance,
                nonce: $0.element.nonce)
        }
    }

    package func state(from accounts: [EEAccount]) -> LedgerState {
        LedgerState(accounts: accounts.map { .init(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
    }

    package func totalBalance(of state: LedgerState) -> Gwei { state.accounts.reduce(.zero) { $0 + $1.balance } }

    package func encode(_ block: LedgerBlock) -> [UInt8] { block.encoded }

    package func reference(
        for block: LedgerBlock, preStateRoot: Root, context: ShardContext, execution: ExecutionResult
    ) -> LedgerOutcome {
        LedgerReference.apply(
            block: block, preStateRoot: preStateRoot, context: context, recoveredKeys: execution.recoveredKeys)
    }

    package func apply(_ reference: LedgerOutcome, to state: inout LedgerState) { state = reference.state }

    package func changedAccounts(in reference: LedgerOutcome) -> [EEAccount] {
        reference.changed.map { index in
            let account = reference.state.accounts[Int(index)]
            return EEAccount(index: index, address: account.address, balance: account.balance, nonce: account.nonce)
        }
    }

    /// Operations are 90 (transfer), 96 (send) and 9 (receive) bytes; the witness is the whole state, in the header.
    package func estimates(on state: LedgerState) -> BlockEstimates {
        BlockEstimates(
            gasPerUserOperation: 5_000, gasPerReceive: 1_500,
            headerBytes: LedgerBlock.headerByteCount + 8 + 36 * state.accounts.count, bytesPerReceive: 9,
            bytesPerTransfer: 90, bytesPerSend: 96, witnessBytesPerUserOperation: 0)
    }

    package func block(
        on state: LedgerState, ee: EEID, shard: ShardID, seed: UInt64, receipts: [Receipt], intents: [UserIntent],
        replayed: Receipt?
    ) -> LedgerBlock {
        // The accounts as the block will find them, operation by operation, so each is signed with the right nonce.
        var predicted = state.accounts
        func has(_ index: UInt32) -> Bool { Int(index) < predicted.count }
        var operations: [LedgerOperation] = []
        for (index, receipt) in receipts.enumerated() {
            let to = Self.recipient(of: receipt.payload)
            operations.append(.receive(receipt: UInt32(index), to: to))
            if has(to) { predicted[Int(to)].balance = predicted[Int(to)].balance + receipt.amount }
        }
        for intent in intents {
            let current = has(intent.from) ? predicted[Int(intent.from)] : nil
            var amount = intent.amount
            var nonce = current?.nonce ?? 0
            switch intent.fault {
            case nil:
                if let current, amount <= current.balance {
                    predicted[Int(intent.from)].balance = current.balance - amount
                    predicted[Int(intent.from)].nonce += 1
                    let onLedger = intent.destinationShard == shard && intent.destinationEE == ee
                    if onLedger, has(intent.to) {
                        predicted[Int(intent.to)].balance = predicted[Int(intent.to)].balance + amount
                    }
                }
            case .badSignature: break
            case .replayedNonce: nonce = nonce > 0 ? nonce - 1 : nonce + 1
            case .overdraft: amount = (current?.balance ?? .zero) + Gwei(1)
            }
            let key = LedgerSigning.privateKey(seed: seed, shard: shard, account: intent.from)
            var operation: LedgerOperation
            if intent.destinationShard == shard && intent.destinationEE == ee {
                let unsigned = LedgerOperation.transfer(
                    from: intent.from, to: intent.to, amount: amount, nonce: nonce, signature: [])
                operation = .transfer(
                    from: intent.from, to: intent.to, amount: amount, nonce: nonce,
                    signature: LedgerSigning.sign(unsigned.signedBytes, shard: shard, privateKey: key))
            } else {
                let unsigned = LedgerOperation.send(
                    from: intent.from, shard: intent.destinationShard, ee: intent.destinationEE, to: intent.to,
                    amount: amount, nonce: nonce, signature: [])
                operation = .send(
                    from: intent.from, shard: intent.destinationShard, ee: intent.destinationEE, to: intent.to,
                    amount: amount, nonce: nonce,
                    signature: LedgerSigning.sign(unsigned.signedBytes, shard: shard, privateKey: key))
            }
            if intent.fault == .badSignature { operation = operation.corrupted }
            operations.append(operation)
        }
        if let replayed {
            operations.append(.receive(receipt: UInt32(receipts.count), to: Self.recipient(of: replayed.payload)))
        }
        return LedgerBlock(shard: shard, witness: state, operations: operations)
    }

    /// Raises the first account's balance by 1 gwei: the accounts no longer hash to the pre-state root.
    package func forgeWitness(_ block: inout LedgerBlock) {
        guard !block.witness.accounts.isEmpty else { return }
        block.witness.accounts[0].balance = block.witness.accounts[0].balance + Gwei(1)
    }

    package func witnessByteCount(of block: LedgerBlock) -> Int { 4 + 36 * block.witness.accounts.count }

    package func userOperationHashes(of block: LedgerBlock) -> [Root] {
        block.operations.compactMap { operation in
            if case .receive = operation { return nil }
            return Root(bytes: Keccak256.hash(operation.encoded))!
        }
    }

    package func operationResult(code: UInt32) -> OperationResult {
        Self.codes.first { $0.code == code }?.result ?? .malformed
    }

    /// The result codes the wasm reports, and what each means.
    static let codes: [(code: UInt32, result: OperationResult)] = [
        (0, .applied), (1, .badSignature), (2, .badNonce), (3, .insufficientBalance), (4, .badReceipt), (5, .malformed),
    ]

    /// The code the wasm reports for `result`.
    static func code(of result: OperationResult) -> UInt32 { codes.first { $0.result == result }!.code }

    /// The account a receipt for the ledger credits: its payload is the little-endian account index.
    static func recipient(of payload: [UInt8]) -> UInt32 {
        guard payload.count == 4 else { return .max }
        return payload.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
