/// `fees.csv`, column by column: name, unit, meaning and value, in file order.
extension FeeRow {
    static let fields: [CSVField<FeeRow>] = [
        CSVField("slot", "slot", "the slot number") { "\($0.slot.number)" },
        CSVField("shard", "shard id", "the shard") { "\($0.shard.index)" },
        CSVField("missed", "0/1", "1 when no block was produced (the base fee carries over)") { $0.missed ? "1" : "0" },
        CSVField("base_fee_gwei", "gwei per gas", "the base fee of this slot's block (kept in wei; nine decimals)") {
            $0.baseFee.gweiText
        },
        CSVField(
            "next_base_fee_gwei", "gwei per gas", "the base fee of the shard's next block (kept in wei; nine decimals)"
        ) { $0.nextBaseFee.gweiText },
        CSVField("gas_used", "gas", "EIP-1559 gas the block used") { "\($0.gasUsed)" },
        CSVField("gas_target", "gas", "the gas target (block gas limit ÷ elasticity)") { "\($0.gasTarget)" },
        CSVField("gas_limit", "gas", "the block gas limit") { "\($0.gasLimit)" },
        CSVField("included", "count", "user transactions included (and looked back at by the fee-market EE)") {
            "\($0.included)"
        },
        CSVField("settled", "count", "included transactions whose relayer's deposit paid their fees") {
            "\($0.settled)"
        },
        CSVField("rejected", "count", "included transactions the fee-market EE rejected (or all, if it failed)") {
            "\($0.rejected)"
        },
        CSVField("mean_inclusion_delay_ms", "ms simulated", "mean time from submission to the block, included ones") {
            milliseconds($0.meanInclusionDelayMicros)
        },
        CSVField("max_inclusion_delay_ms", "ms simulated", "longest time from submission to the block") {
            milliseconds($0.maxInclusionDelayMicros)
        },
        CSVField("proposer_revenue_gwei", "gwei", "priority fees paid to the proposer by the fee-market EE") {
            "\($0.proposerRevenue.value)"
        },
        CSVField("burned_gwei", "gwei", "base fees burned by the fee-market EE") { "\($0.burned.value)" },
        CSVField(
            "relayer_revenue_gwei", "gwei", "what this block's users paid their relayers for witness bytes (off-chain)"
        ) { "\($0.relayerRevenue.value)" },
        CSVField(
            "relayer_deposits_gwei", "gwei", "the relayers' deposits after the block (the fee-market EE's balance)"
        ) { "\($0.relayerDeposits.value)" },
        CSVField("waiting", "count", "user transactions waiting after the block") { "\($0.waiting)" },
        CSVField("waiting_underpriced", "count", "of those, the ones whose fee cap is below the next base fee") {
            "\($0.waitingUnderpriced)"
        },
        CSVField("expired", "count", "transactions dropped in this slot after waiting fees.transactionTimeout") {
            "\($0.expired)"
        },
        CSVField("fee_execution_gas", "gas", "gas of the fee-market EE's execution (wasm fuel and host calls)") {
            "\($0.executionGas)"
        },
        CSVField("fee_execution_failure", "reason", "why the fee-market EE's execution failed; empty on success") {
            $0.executionFailure
        },
        CSVField(
            "receipt_fees_prepaid_gwei", "gwei",
            "receipt fees this block's senders prepaid (1,500 gas × the sender's base fee + tip, per receipt sent), "
                + "debited from their relayers' deposits and carried by the receipts"
        ) { "\($0.receiptFeesPrepaid.value)" },
        CSVField(
            "receipt_fees_burned_gwei", "gwei",
            "of the prepaid fees of the receipts this block processed: burned, 1,500 gas × this block's base fee "
                + "(all of the prepayment when it is smaller)"
        ) { "\($0.receiptFeesBurned.value)" },
        CSVField(
            "receipt_fees_tipped_gwei", "gwei",
            "of the same: the rest, paid to this block's proposer for processing the receipts"
        ) { "\($0.receiptFeesTipped.value)" },
        CSVField(
            "receipts_underpaid", "count",
            "receipts this block processed whose prepaid fee was below 1,500 gas × its base fee: processed anyway, "
                + "all of the prepayment burned, nothing tipped"
        ) { "\($0.receiptsUnderpaid)" },
    ]
}

/// Microseconds as milliseconds with three decimals, formatted without Foundation so output is locale-free.
private func milliseconds(_ micros: UInt64) -> String {
    let fraction = String(micros % 1_000)
    return "\(micros / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
