/// The CSV files of a run folder and what every column means: the single source of the headers and of the data
/// dictionary (`README.md` in every run folder, and `Documentation/Outputs.md`).
enum OutputSchemas {
    static let slots = CSVSchema(
        file: "slots.csv",
        description: "One row per shard per workload EE per slot (EEs in the order of workload.ee). Every value is "
            + "deterministic: same scenario and seed, same bytes.",
        columns: [
            CSVColumn("slot", "slot", "the slot number (slot 0 starts at genesis)"),
            CSVColumn("shard", "shard id", "the shard"),
            CSVColumn("ee", "name", "the workload EE whose block the row describes (its name in ees)"),
            CSVColumn("proposer", "validator index", "the block's proposer; empty when the slot was missed"),
            CSVColumn("missed", "0/1", "1 when the proposer was offline and no block was produced"),
            CSVColumn("transactions", "count", "the EE's user transactions included (transfers, and sends to another shard or EE)"),
            CSVColumn("receipts_in", "count", "incoming receipts the EE's block processed (claimed)"),
            CSVColumn("receipts_out", "count", "receipts the EE's block sent (committed in the shard's crosslink)"),
            CSVColumn("applied", "count", "included user transactions the EE applied"),
            CSVColumn("rejected_bad_signature", "count", "rejected: the signature does not recover the sender's address"),
            CSVColumn("rejected_bad_nonce", "count", "rejected: the nonce is not the account's next nonce (replay)"),
            CSVColumn("rejected_insufficient_balance", "count", "rejected: the amount exceeds the sender's balance"),
            CSVColumn("rejected_bad_receipt", "count", "rejected: the receipt is unknown or already processed"),
            CSVColumn("rejected_malformed", "count", "rejected: the transaction names an account outside the witness"),
            CSVColumn("rejected_block_failed", "count", "transactions lost because the whole execution failed"),
            CSVColumn(
                "transactions_trimmed", "count",
                "user transactions packed by estimate but taken out because the block's measured gas exceeded its limit (back to the mempool)"),
            CSVColumn(
                "receipts_trimmed", "count",
                "receipts taken out for the same reason (they stay in the inbox)"),
            CSVColumn("execution_failure", "reason", "why the execution failed (bad witness = trap), empty on success"),
            CSVColumn(
                "gas_used", "gas",
                "gas used by the block's execution (wasm fuel plus host-call charges); the shard's EEs together never exceed shards.blockGasLimit"),
            CSVColumn("block_bytes", "bytes", "size of the block data given to the EE, witness included"),
            CSVColumn("witness_bytes", "bytes", "size of the multiproof in the block"),
            CSVColumn("execution_time_us", "µs simulated", "gas_used divided by execution.gasPerSecond"),
            CSVColumn("mempool_after", "count", "the EE's user transactions still waiting on this shard after the block"),
            CSVColumn("inbox_after", "count", "receipts for the EE still waiting on this shard after the block"),
            CSVColumn("state_root", "hex", "the EE's state root after the block"),
            CSVColumn("ee_balance_gwei", "gwei", "the EE's ETH balance on this shard after the block"),
            CSVColumn(
                "base_fee_gwei", "gwei per gas",
                "the block's EIP-1559 base fee, kept in wei and written in gwei with nine decimals; empty when the fee market is off"),
            CSVColumn("gas_target", "gas", "the shard's EIP-1559 gas target; empty when the fee market is off"),
        ])

    static let slotsWall = CSVSchema(
        file: "slots-wall.csv",
        description: "Wall-clock measurements, kept apart because they differ from run to run; never fed back into "
            + "the simulation.",
        columns: [
            CSVColumn("slot", "slot", "the slot number"),
            CSVColumn("shard", "shard id", "the shard"),
            CSVColumn("ee", "name", "the workload EE"),
            CSVColumn("execution_wall_us", "µs wall clock", "time WasmKit spent executing the block on this machine"),
        ])

    static let transfers = CSVSchema(
        file: "transfers.csv",
        description: "One row per transfer that moves ETH by a receipt (to another shard, another workload EE, or "
            + "both), written when it ends (delivered or rejected); transfers still pending when the run ends are "
            + "written last.",
        columns: [
            CSVColumn("transfer_id", "id", "the user transaction's id, unique in the run, in arrival order"),
            CSVColumn("source_shard", "shard id", "the sender's shard"),
            CSVColumn("source_ee", "name", "the sender's EE (its name in ees)"),
            CSVColumn("source_account", "index", "the sender's account index"),
            CSVColumn("destination_shard", "shard id", "the recipient's shard (may be the sender's, for a transfer between EEs)"),
            CSVColumn("destination_ee", "name", "the recipient's EE: the sender's unless the transfer moves ETH between EEs"),
            CSVColumn("destination_account", "index", "the recipient's account index"),
            CSVColumn("amount_gwei", "gwei", "the amount sent"),
            CSVColumn("created_us", "µs simulated", "when the user submitted the transaction"),
            CSVColumn("included_slot", "slot", "the slot of the source block that included it; empty if never"),
            CSVColumn("delivered_slot", "slot", "the slot of the destination block that credited it; empty if not"),
            CSVColumn("delivered_us", "µs simulated", "when the destination block was produced; empty if not"),
            CSVColumn("latency_slots", "slots", "delivered_slot minus included_slot"),
            CSVColumn("latency_s", "s simulated", "from creation to delivery"),
            CSVColumn("model", "name", "the cross-shard model of the run"),
            CSVColumn(
                "outcome", "name",
                "delivered, rejected_<reason>, in_flight (sent, not delivered), pending, aborted (two-phase: refunded "
                    + "to the sender) or aborting (refund not yet processed)"),
        ])

    static let inflight = CSVSchema(
        file: "inflight.csv",
        description: "ETH in flight between shards at the end of every slot, after receipts were routed. Under the "
            + "optimistic model rows are written once their slot is final.",
        columns: [
            CSVColumn("slot", "slot", "the slot"),
            CSVColumn("receipts_waiting", "count", "receipts in destination inboxes, not yet processed"),
            CSVColumn("eth_waiting_gwei", "gwei", "ETH carried by those receipts"),
            CSVColumn("receipts_held", "count", "receipts held by the cross-shard model (awaiting finality, or locked)"),
            CSVColumn("eth_held_gwei", "gwei", "ETH carried by those receipts"),
            CSVColumn("eth_in_flight_gwei", "gwei", "eth_waiting_gwei plus eth_held_gwei"),
        ])

    static let rollbacks = CSVSchema(
        file: "rollbacks.csv",
        description: "Optimistic model only: one row per rollback, when source blocks were reverted at finality.",
        columns: [
            CSVColumn("decided_slot", "slot", "the slot at whose end the revert was decided (reverted slot + finality)"),
            CSVColumn("reverted_slot", "slot", "the slot of the reverted blocks"),
            CSVColumn("reverted_shards", "shard ids", "the shards whose block of that slot was reverted, space-separated"),
            CSVColumn("shards_reexecuted", "count", "shards with at least one block produced again"),
            CSVColumn("shards_affected", "count", "shards in the cascade, the reverted ones included"),
            CSVColumn("cascade_depth", "hops", "0: only the reverted shards; n: receipts carried the change n hops"),
            CSVColumn("deliveries_undone", "count", "receipt claims of the replayed slots that the replay did not redo"),
        ])

    static let summary = CSVSchema(
        file: "summary.csv",
        description: "Headline figures of the run, one per row.",
        columns: [
            CSVColumn("metric", "name", "what is measured"),
            CSVColumn("value", "see unit", "the figure"),
            CSVColumn("unit", "name", "its unit"),
        ])

    static let fees = CSVSchema(
        file: "fees.csv",
        description: "One row per shard per slot when the fee market is on (`fees.ee`); not written otherwise. "
            + "Gas here is EIP-1559 gas: 5,000 per user transaction and 1,500 per receipt (Documentation/FeeMarket.md).",
        columns: [
            CSVColumn("slot", "slot", "the slot number"),
            CSVColumn("shard", "shard id", "the shard"),
            CSVColumn("missed", "0/1", "1 when no block was produced (the base fee carries over)"),
            CSVColumn("base_fee_gwei", "gwei per gas", "the base fee of this slot's block (kept in wei; nine decimals)"),
            CSVColumn("next_base_fee_gwei", "gwei per gas", "the base fee of the shard's next block (kept in wei; nine decimals)"),
            CSVColumn("gas_used", "gas", "EIP-1559 gas the block used"),
            CSVColumn("gas_target", "gas", "the gas target (block gas limit ÷ elasticity)"),
            CSVColumn("gas_limit", "gas", "the block gas limit"),
            CSVColumn("included", "count", "user transactions included (and looked back at by the fee-market EE)"),
            CSVColumn("settled", "count", "included transactions whose relayer's deposit paid their fees"),
            CSVColumn("rejected", "count", "included transactions the fee-market EE rejected (or all, if it failed)"),
            CSVColumn("mean_inclusion_delay_ms", "ms simulated", "mean time from submission to the block, included ones"),
            CSVColumn("max_inclusion_delay_ms", "ms simulated", "longest time from submission to the block"),
            CSVColumn("proposer_revenue_gwei", "gwei", "priority fees paid to the proposer by the fee-market EE"),
            CSVColumn("burned_gwei", "gwei", "base fees burned by the fee-market EE"),
            CSVColumn("relayer_revenue_gwei", "gwei", "what this block's users paid their relayers for witness bytes (off-chain)"),
            CSVColumn("relayer_deposits_gwei", "gwei", "the relayers' deposits after the block (the fee-market EE's balance)"),
            CSVColumn("waiting", "count", "user transactions waiting after the block"),
            CSVColumn("waiting_underpriced", "count", "of those, the ones whose fee cap is below the next base fee"),
            CSVColumn("expired", "count", "transactions dropped in this slot after waiting fees.transactionTimeout"),
            CSVColumn("fee_execution_gas", "gas", "gas of the fee-market EE's execution (wasm fuel and host calls)"),
            CSVColumn("fee_execution_failure", "reason", "why the fee-market EE's execution failed; empty on success"),
        ])

    static let all = [slots, slotsWall, transfers, inflight, rollbacks, fees, summary]
}
