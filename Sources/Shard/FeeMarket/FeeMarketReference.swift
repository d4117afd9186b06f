import Beacon

/// What the fee-market EE does with a block, computed natively: the state provider's check on the wasm.
package struct FeeMarketOutcome: Hashable, Sendable {
    /// Whether the execution succeeds (a witness that does not prove the pre-state root fails it).
    package var succeeded: Bool
    /// The post-state root (the pre-state root on failure).
    package var postStateRoot: Root
    /// The relayers' leaves after settlement (the witness's leaves, debited).
    package var relayers: [TokenWitness.Leaf]
    /// The outcome of each look-back entry, in order.
    package var results: [FeeResultCode]
    /// ETH burned: gas × base fee over the settled entries.
    package var burned: Gwei
    /// ETH paid to the proposer: gas × tip over the settled entries.
    package var paidToProposer: Gwei
    /// The receipt fee each entry prepaid (receipt gas × (base + tip), rounded up; zero for an entry that sent no
    /// receipt or was not settled), in entry order.
    package var prepaid: [Gwei] = []
    /// The shard effects the runtime must report for the wasm: one result per entry, the ETH burned and paid,
    /// and the EE's balance after; no transfers or claims.
    package var effects: ShardEffects
}

extension FeeMarketOutcome: NativeOutcome {}

/// The fee-market EE in native Swift, rule for rule (see `EEs/fee_market/FeeMarketMain.swift`).
package enum FeeMarketReference {
    /// The tip per gas a transaction actually pays at `baseFee`: `min(priority, cap − base)`, or `nil` when the cap
    /// is below the base fee.
    package static func effectiveTip(maxFee: WeiPerGas, priority: WeiPerGas, baseFee: WeiPerGas) -> WeiPerGas? {
        guard maxFee >= baseFee else { return nil }
        return WeiPerGas(wei: min(priority.wei, maxFee.wei - baseFee.wei))
    }

    /// The most gas one entry may carry: 2³², so that the EE computes `gas × price` rounded up to gwei without a
    /// 128-bit multiply (wasm32 has none); an entry above it is an overflow.
    package static let maximumGasPerEntry: UInt64 = 1 << 32

    /// What one transaction of `gas` at `baseFee` with tip `tip` per gas moves, in whole gwei: the relayer is
    /// debited `gas × (base + tip)` rounded up, of which `gas × base` rounded up is burned and the rest paid to the
    /// proposer; `nil` when an amount does not fit 64 bits or `gas` exceeds ``maximumGasPerEntry``.
    package static func charge(gas: UInt64, baseFee: WeiPerGas, tip: WeiPerGas) -> (owed: Gwei, burn: Gwei, tip: Gwei)?
    {
        guard gas <= maximumGasPerEntry, let perGas = baseFee.adding(tip), let owed = perGas.charge(forGas: gas),
            let burn = baseFee.charge(forGas: gas)
        else { return nil }
        return (owed, burn, owed - burn)
    }

    /// The fee a transaction prepays for the receipt it sent: `gas` (the receipt's processing gas on its
    /// destination) × (base + tip), the transaction's own price per gas, rounded up to a whole gwei; zero without a
    /// receipt, `nil` when it does not fit 64 bits.
    package static func receiptPrepayment(gas: UInt64, baseFee: WeiPerGas, tip: WeiPerGas) -> Gwei? {
        guard gas > 0 else { return .zero }
        return charge(gas: gas, baseFee: baseFee, tip: tip)?.owed
    }

    /// Settles `entries` against `block`'s witness at `baseFee`, as the EE does; `balance` is the EE's ETH balance
    /// on the shard before the block.
    package static func apply(
        block: FeeMarketBlock, preStateRoot: Root, baseFee: WeiPerGas, entries: [LookBackEntry], balance: Gwei
    ) -> FeeMarketOutcome {
        let failed = FeeMarketOutcome(
            succeeded: false, postStateRoot: preStateRoot, relayers: [], results: [], burned: .zero,
            paidToProposer: .zero, effects: ShardEffects(balanceAfter: balance))
        guard block.depth <= TokenTree.maxDepth, (try? block.witness.checkLeaves(depth: block.depth)) != nil else {
            return failed
        }
        var leaves = block.witness.leaves
        var results: [FeeResultCode] = []
        var burned: UInt64 = 0
        var tips: UInt64 = 0
        var prepaid: [Gwei] = []
        for entry in entries {
            var prepay = Gwei.zero
            results.append(
                settle(entry, leaves: &leaves, baseFee: baseFee, burned: &burned, tips: &tips, prepaid: &prepay))
            prepaid.append(prepay)
        }
        var postRoot = preStateRoot
        if !leaves.isEmpty {
            guard let roots = try? block.witness.roots(depth: block.depth, updated: leaves.map(\.account)),
                roots.pre == preStateRoot
            else { return failed }
            postRoot = roots.post
        } else if !block.witness.hashes.isEmpty {
            return failed
        }
        var effects = ShardEffects()
        effects.results = results.enumerated().map {
            ReportedResult(transactionIndex: UInt32($0.offset), code: $0.element.rawValue)
        }
        effects.burned = Gwei(burned)
        effects.paidToProposer = Gwei(tips)
        effects.prepaidReceipts = prepaid.enumerated().filter { $0.element > .zero }.map {
            PrepaidReceipt(transactionIndex: UInt32($0.offset), amount: $0.element)
        }
        let prepaidTotal = prepaid.reduce(0) { $0 &+ $1.value }
        // The host refuses to burn, pay or prepay more than the EE holds; the deposits are its balance, so this holds.
        effects.balanceAfter = Gwei(balance.value &- burned &- tips &- prepaidTotal)
        return FeeMarketOutcome(
            succeeded: true, postStateRoot: postRoot, relayers: leaves, results: results, burned: Gwei(burned),
            paidToProposer: Gwei(tips), prepaid: prepaid, effects: effects)
    }

    private static func settle(
        _ entry: LookBackEntry, leaves: inout [TokenWitness.Leaf], baseFee: WeiPerGas, burned: inout UInt64,
        tips: inout UInt64, prepaid: inout Gwei
    ) -> FeeResultCode {
        guard
            let tipPerGas = effectiveTip(
                maxFee: entry.maxFeePerGas, priority: entry.priorityFeePerGas, baseFee: baseFee)
        else { return .underpriced }
        guard let charge = charge(gas: entry.gas, baseFee: baseFee, tip: tipPerGas),
            let prepay = receiptPrepayment(gas: UInt64(entry.receiptGas), baseFee: baseFee, tip: tipPerGas),
            charge.owed.value.addingReportingOverflow(prepay.value).overflow == false
        else { return .overflow }
        let total = charge.owed + prepay
        guard let position = leaves.firstIndex(where: { $0.index == entry.relayer }) else { return .noWitness }
        guard leaves[position].account.balance >= total else { return .overdrawn }
        let (newBurned, o4) = burned.addingReportingOverflow(charge.burn.value)
        let (newTips, o5) = tips.addingReportingOverflow(charge.tip.value)
        guard !o4, !o5 else { return .overflow }
        leaves[position].account.balance = leaves[position].account.balance - total
        leaves[position].account.nonce &+= 1
        burned = newBurned
        tips = newTips
        prepaid = prepay
        return .settled
    }
}

extension TokenTree {
    /// Writes a successful fee-market execution's relayer leaves into the tree.
    package mutating func apply(_ outcome: FeeMarketOutcome) {
        precondition(outcome.succeeded, "only a successful execution changes the state")
        setAccounts(outcome.relayers.filter { $0.account != account(at: $0.index) })
    }

    /// The deposit tree of `relayerCount` relayers on `shard`, each holding `deposit`; relayer `i` is leaf `i`,
    /// with address `keccak256("shardsim-relayer" ‖ le64 seed ‖ le16 shard ‖ le32 i)[12..<32]`.
    package static func relayers(seed: UInt64, shard: ShardID, relayerCount: Int, deposit: Gwei) -> TokenTree {
        let accounts = (0..<relayerCount).map { i in
            var preimage = Array("shardsim-relayer".utf8)
            withUnsafeBytes(of: seed.littleEndian) { preimage += $0 }
            withUnsafeBytes(of: shard.index.littleEndian) { preimage += $0 }
            withUnsafeBytes(of: UInt32(i).littleEndian) { preimage += $0 }
            return TokenAccount(address: Array(Keccak256.hash(preimage)[12..<32]), balance: deposit)
        }
        return TokenTree(depth: Self.depth(forAccountCount: max(1, relayerCount)), accounts: accounts)
    }
}
