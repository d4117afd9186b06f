import Beacon

/// What the ledger EE does with a block, computed natively (``LedgerReference``).
package struct LedgerOutcome: NativeOutcome {
    /// `nil` when the block succeeds; otherwise why the EE traps.
    package var failure: String?
    package var postStateRoot: Root
    package var effects: ShardEffects
    /// The state after the block (the pre-state when it fails).
    package var state: LedgerState
    /// The indices of the accounts the block changed, ascending.
    package var changed: [UInt32]

    package var succeeded: Bool { failure == nil }
}

/// The ledger EE in native Swift, rule for rule as `EEs/ledger/LedgerMain.swift`: the state provider's check on
/// the wasm.
package enum LedgerReference {
    /// Applies `block` against `preStateRoot` in `context`. `recoveredKeys` are public keys the wasm execution
    /// already recovered (message hash ‖ signature → key); any other is recovered here.
    package static func apply(
        block: LedgerBlock, preStateRoot: Root, context: ShardContext, recoveredKeys: [[UInt8]: [UInt8]] = [:]
    ) -> LedgerOutcome {
        let pre = block.witness
        func failed(_ reason: String) -> LedgerOutcome {
            LedgerOutcome(
                failure: reason, postStateRoot: preStateRoot, effects: ShardEffects(balanceAfter: context.balance),
                state: pre, changed: [])
        }
        guard block.shard == context.shard else { return failed("block for shard \(block.shard.index)") }
        guard pre.root == preStateRoot else { return failed("the accounts do not hash to the pre-state root") }
        var state = pre
        var effects = ShardEffects(balanceAfter: context.balance)
        var claimed = Set<UInt32>()
        var changed = Set<UInt32>()

        func signer(_ operation: LedgerOperation) -> [UInt8]? {
            guard let signature = operation.signature else { return nil }
            let hash = LedgerSigning.messageHash(operation.signedBytes, shard: block.shard)
            let key =
                recoveredKeys[hash + signature]
                ?? Secp256k1.recoverPublicKey(messageHash: hash, signature65: signature)
            return key.map { Secp256k1.address(publicKey: $0) }
        }
        func code(_ operation: LedgerOperation) -> OperationResult? {
            switch operation {
            case .transfer(let from, let to, let amount, let nonce, _):
                let (f, t) = (Int(from), Int(to))
                guard f < state.accounts.count, t < state.accounts.count, state.accounts[t].hasAddress else {
                    return .malformed
                }
                guard signer(operation) == state.accounts[f].address else { return .badSignature }
                guard nonce == state.accounts[f].nonce, nonce != .max else { return .badNonce }
                guard amount <= state.accounts[f].balance else { return .insufficientBalance }
                if f != t {
                    let (credited, overflow) = state.accounts[t].balance.value.addingReportingOverflow(amount.value)
                    guard !overflow else { return .malformed }
                    state.accounts[f].balance = Gwei(state.accounts[f].balance.value - amount.value)
                    state.accounts[t].balance = Gwei(credited)
                    changed.insert(to)
                }
                state.accounts[f].nonce += 1
                changed.insert(from)
                return .applied
            case .send(let from, let shard, let ee, let to, let amount, let nonce, _):
                let f = Int(from)
                guard f < state.accounts.count else { return .malformed }
                guard signer(operation) == state.accounts[f].address else { return .badSignature }
                guard nonce == state.accounts[f].nonce, nonce != .max else { return .badNonce }
                guard amount <= state.accounts[f].balance else { return .insufficientBalance }
                // The host's eth2_crossShardTransfer refuses what the EE's balance on the shard cannot cover.
                guard let remaining = effects.balanceAfter.subtractingIfEnough(amount) else {
                    return .insufficientBalance
                }
                var payload: [UInt8] = []
                payload.append(littleEndian: to)
                effects.balanceAfter = remaining
                effects.transfers.append(
                    OutgoingTransfer(destinationShard: shard, destinationEE: ee, amount: amount, payload: payload))
                state.accounts[f].balance = Gwei(state.accounts[f].balance.value - amount.value)
                state.accounts[f].nonce += 1
                changed.insert(from)
                return .applied
            case .receive(let receipt, let to):
                let t = Int(to)
                guard t < state.accounts.count, state.accounts[t].hasAddress else { return .malformed }
                let receipts = context.incomingReceipts
                guard Int(receipt) < receipts.count, !receipts[Int(receipt)].alreadyProcessed,
                    !claimed.contains(receipt)
                else { return .badReceipt }
                claimed.insert(receipt)
                var expected: [UInt8] = []
                expected.append(littleEndian: to)
                guard receipts[Int(receipt)].payload == expected else { return nil }
                let amount = receipts[Int(receipt)].amount
                let (credited, overflow) = state.accounts[t].balance.value.addingReportingOverflow(amount.value)
                guard !overflow else { return nil }
                effects.balanceAfter = effects.balanceAfter + amount
                effects.claimedReceipts.append(receipt)
                state.accounts[t].balance = Gwei(credited)
                changed.insert(to)
                return .applied
            }
        }
        for (index, operation) in block.operations.enumerated() {
            guard let result = code(operation) else {
                return failed("receive \(index) names another account than its receipt's, or overflows it")
            }
            effects.results.append(ReportedResult(transactionIndex: UInt32(index), code: LedgerEE.code(of: result)))
        }
        return LedgerOutcome(
            failure: nil, postStateRoot: state.root, effects: effects, state: state, changed: changed.sorted())
    }
}
