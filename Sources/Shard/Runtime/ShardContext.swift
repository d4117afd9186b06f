import Beacon

/// What an execution can see of the shard it runs on: the inputs of the simulator's host functions.
///
/// Scout test cases run with ``ShardContext/standalone``: shard 0, slot 0, no balance and no receipts.
package struct ShardContext: Sendable {
    /// The shard executing the block.
    package var shard: ShardID
    /// The slot of the block.
    package var slot: Slot
    /// The EE being executed.
    package var ee: EEID
    /// The EE's ETH balance on this shard before the execution.
    package var balance: Gwei
    /// Receipts addressed to this EE on this shard that the block may claim, indexed by position.
    package var incomingReceipts: [IncomingReceipt]
    /// The block's base fee per gas in wei (`eth2_baseFee`); zero outside a fee market.
    package var baseFeePerGas: WeiPerGas = .zero
    /// The block's earlier user transactions, in block order (`eth2_lookBack`); empty outside a fee market.
    package var lookBack: [LookBackEntry] = []

    /// Creates a context.
    package init(shard: ShardID, slot: Slot, ee: EEID, balance: Gwei, incomingReceipts: [IncomingReceipt] = []) {
        self.shard = shard
        self.slot = slot
        self.ee = ee
        self.balance = balance
        self.incomingReceipts = incomingReceipts
    }

    /// A context for running an EE outside a simulation (Scout test cases, benchmarks).
    package static let standalone = ShardContext(shard: ShardID(0), slot: Slot(0), ee: EEID(0), balance: .zero)
}

/// A cross-shard receipt as the destination EE sees it.
package struct IncomingReceipt: Hashable, Sendable {
    /// The shard whose crosslink committed the receipt.
    package var sourceShard: ShardID
    /// The EE that sent it.
    package var sourceEE: EEID
    /// The ETH it carries, credited to the destination EE's balance when claimed.
    package var amount: Gwei
    /// The sender EE's payload (for the token EE: the recipient account).
    package var payload: [UInt8]
    /// Whether an earlier block already processed it (replay protection): claiming it again fails.
    package var alreadyProcessed: Bool

    /// Creates a receipt.
    package init(sourceShard: ShardID, sourceEE: EEID, amount: Gwei, payload: [UInt8], alreadyProcessed: Bool = false) {
        self.sourceShard = sourceShard
        self.sourceEE = sourceEE
        self.amount = amount
        self.payload = payload
        self.alreadyProcessed = alreadyProcessed
    }
}

/// ETH an EE sends to another shard with `eth2_crossShardTransfer`.
package struct OutgoingTransfer: Hashable, Sendable {
    /// The destination shard.
    package var destinationShard: ShardID
    /// The destination EE.
    package var destinationEE: EEID
    /// The amount taken from the sending EE's balance.
    package var amount: Gwei
    /// Data for the destination EE (at most ``HostLimits/maxReceiptPayload`` bytes).
    package var payload: [UInt8]
}

/// A receipt fee the fee-market EE prepaid with `eth2_prepayReceipt`: the receipt sent by look-back transaction
/// `transactionIndex` carries `amount` to pay for its processing on its destination shard.
package struct PrepaidReceipt: Hashable, Sendable {
    /// The look-back index of the transaction that sent the receipt.
    package var transactionIndex: UInt32
    /// The prepaid fee.
    package var amount: Gwei

    /// Creates one.
    package init(transactionIndex: UInt32, amount: Gwei) {
        self.transactionIndex = transactionIndex
        self.amount = amount
    }
}

/// A transaction outcome an EE reported with `eth2_reportResult`.
package struct ReportedResult: Hashable, Sendable {
    /// The transaction's index in the block data.
    package var transactionIndex: UInt32
    /// The EE's result code (for the token EE, see Documentation/TokenEE.md).
    package var code: UInt32
}

/// The shard-level effects of a successful execution, applied by the simulator only if it succeeded.
package struct ShardEffects: Hashable, Sendable {
    /// Results reported by the EE, in the order reported.
    package var results: [ReportedResult] = []
    /// Transfers to other shards, in the order sent.
    package var transfers: [OutgoingTransfer] = []
    /// Indices (into ``ShardContext/incomingReceipts``) of receipts claimed, in the order claimed.
    package var claimedReceipts: [UInt32] = []
    /// The EE's balance after the execution: the context's balance, minus transfers, plus claimed receipts, minus
    /// what it burned and paid the proposer.
    package var balanceAfter: Gwei = .zero
    /// ETH burned with `eth2_burn`.
    package var burned: Gwei = .zero
    /// ETH paid to the block's proposer with `eth2_payProposer`.
    package var paidToProposer: Gwei = .zero
    /// ETH moved into receipts' prepaid fees with `eth2_prepayReceipt`, in the order prepaid.
    package var prepaidReceipts: [PrepaidReceipt] = []

    /// No effects.
    package static let none = ShardEffects()
}

/// Fixed limits of the host interface.
package enum HostLimits {
    /// The largest payload a cross-shard transfer may carry, in bytes.
    package static let maxReceiptPayload = 32
    /// The size of a Scout deposit receipt: pubkey 48, withdrawal credentials 32, amount 8, signature 96.
    package static let depositByteCount = 184
    /// The most log lines kept per execution, so a chatty or hostile EE cannot exhaust memory.
    package static let maxLogLines = 1_000
    /// The most bytes printed by one `debug_printMem*` call.
    package static let maxLogBytes = 4_096
}
