/// `slots.csv`, column by column: name, unit, meaning and value, in file order.
extension SlotRow {
    static let fields: [CSVField<SlotRow>] = [
        CSVField("slot", "slot", "the slot number (slot 0 starts at genesis)") { "\($0.slot.number)" },
        CSVField("shard", "shard id", "the shard") { "\($0.shard.index)" },
        CSVField("ee", "name", "the workload EE whose block the row describes (its name in ees)") { $0.eeName },
        CSVField("proposer", "validator index", "the block's proposer; empty when the slot was missed") {
            $0.proposer.map { "\($0.index)" } ?? ""
        },
        CSVField("missed", "0/1", "1 when the proposer was offline and no block was produced") {
            $0.proposer == nil ? "1" : "0"
        },
        CSVField(
            "transactions", "count", "the EE's user transactions included (transfers, and sends to another shard or EE)"
        ) { "\($0.transactions)" },
        CSVField("receipts_in", "count", "incoming receipts the EE's block processed (claimed)") { "\($0.receiptsIn)" },
        CSVField("receipts_out", "count", "receipts the EE's block sent (committed in the shard's crosslink)") {
            "\($0.receiptsOut)"
        },
        CSVField("applied", "count", "included user transactions the EE applied") { "\($0.applied)" },
        CSVField("rejected_bad_signature", "count", "rejected: the signature does not recover the sender's address") {
            "\($0.rejected[.badSignature] ?? 0)"
        },
        CSVField("rejected_bad_nonce", "count", "rejected: the nonce is not the account's next nonce (replay)") {
            "\($0.rejected[.badNonce] ?? 0)"
        },
        CSVField("rejected_insufficient_balance", "count", "rejected: the amount exceeds the sender's balance") {
            "\($0.rejected[.insufficientBalance] ?? 0)"
        },
        CSVField("rejected_bad_receipt", "count", "rejected: the receipt is unknown or already processed") {
            "\($0.rejected[.badReceipt] ?? 0)"
        },
        CSVField("rejected_malformed", "count", "rejected: the transaction names an account outside the witness") {
            "\($0.rejected[.malformed] ?? 0)"
        },
        CSVField("rejected_block_failed", "count", "transactions lost because the whole execution failed") {
            "\($0.rejectedBlockFailed)"
        },
        CSVField(
            "transactions_trimmed", "count",
            "user transactions packed by estimate but taken out because the block's measured gas exceeded its limit (back to the mempool)"
        ) { "\($0.transactionsTrimmed)" },
        CSVField("receipts_trimmed", "count", "receipts taken out for the same reason (they stay in the inbox)") {
            "\($0.receiptsTrimmed)"
        },
        CSVField("execution_failure", "reason", "why the execution failed (bad witness = trap), empty on success") {
            $0.executionFailure
        },
        CSVField(
            "gas_used", "gas",
            "gas used by the block's execution (wasm fuel plus host-call charges); the shard's EEs together never exceed shards.blockGasLimit"
        ) { "\($0.gasUsed)" },
        CSVField("block_bytes", "bytes", "size of the block data given to the EE, witness included") {
            "\($0.blockBytes)"
        },
        CSVField("witness_bytes", "bytes", "size of the multiproof in the block") { "\($0.witnessBytes)" },
        CSVField("execution_time_us", "µs simulated", "gas_used divided by execution.gasPerSecond") {
            "\($0.executionMicros)"
        },
        CSVField("mempool_after", "count", "the EE's user transactions still waiting on this shard after the block") {
            "\($0.mempoolAfter)"
        },
        CSVField("inbox_after", "count", "receipts for the EE still waiting on this shard after the block") {
            "\($0.inboxAfter)"
        },
        CSVField("state_root", "hex", "the EE's state root after the block") { $0.stateRoot.hex },
        CSVField("ee_balance_gwei", "gwei", "the EE's ETH balance on this shard after the block") {
            "\($0.eeBalance.value)"
        },
        CSVField(
            "base_fee_gwei", "gwei per gas",
            "the block's EIP-1559 base fee, kept in wei and written in gwei with nine decimals; empty when the fee market is off"
        ) { $0.baseFeePerGas.map(\.gweiText) ?? "" },
        CSVField("gas_target", "gas", "the shard's EIP-1559 gas target; empty when the fee market is off") {
            $0.gasTarget.map { "\($0)" } ?? ""
        },
    ]

    /// `slots-wall.csv`, column by column: the wall-clock time of the same blocks.
    static let wallFields: [CSVField<SlotRow>] = [
        CSVField("slot", "slot", "the slot number") { "\($0.slot.number)" },
        CSVField("shard", "shard id", "the shard") { "\($0.shard.index)" },
        CSVField("ee", "name", "the workload EE") { $0.eeName },
        CSVField("execution_wall_us", "µs wall clock", "time WasmKit spent executing the block on this machine") {
            "\($0.executionWallMicros)"
        },
    ]
}
