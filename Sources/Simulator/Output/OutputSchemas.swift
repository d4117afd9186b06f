/// The CSV files of a run folder and what every column means: the single source of the headers and of the data
/// dictionary (`README.md` in every run folder, and `Documentation/Outputs.md`).
enum OutputSchemas {
    static let slots = CSVSchema(
        file: "slots.csv",
        description: "One row per shard per workload EE per slot (EEs in the order of workload.ee). Every value is "
            + "deterministic: same scenario and seed, same bytes.",
        columns: SlotRow.fields.map(\.column))

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
            CSVColumn(
                "destination_shard", "shard id",
                "the recipient's shard (may be the sender's, for a transfer between EEs)"),
            CSVColumn(
                "destination_ee", "name", "the recipient's EE: the sender's unless the transfer moves ETH between EEs"),
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
                "delivered, rejected_<reason>, in_flight (sent, not delivered), pending, or under two-phase commit "
                    + "aborted_<why> (happened on neither shard: refunded to the sender if included_slot is set, "
                    + "never debited if it is empty) or aborting_<why> (refund not yet processed); <why> is no_vote "
                    + "(the destination produced no block to vote with), lock_conflict (wait-die: it met a lock "
                    + "held by an older transfer) or lock_timeout (it waited crossShard.lockTimeout slots for a "
                    + "lock) (Documentation/CrossShardModels.md)"),
        ])

    static let inflight = CSVSchema(
        file: "inflight.csv",
        description: "ETH in flight between shards at the end of every slot, after receipts were routed. Under the "
            + "optimistic model rows are written once their slot is final.",
        columns: [
            CSVColumn("slot", "slot", "the slot"),
            CSVColumn("receipts_waiting", "count", "receipts in destination inboxes, not yet processed"),
            CSVColumn("eth_waiting_gwei", "gwei", "ETH carried by those receipts"),
            CSVColumn(
                "receipts_held", "count", "receipts held by the cross-shard model (awaiting finality, or locked)"),
            CSVColumn("eth_held_gwei", "gwei", "ETH carried by those receipts"),
            CSVColumn("eth_in_flight_gwei", "gwei", "eth_waiting_gwei plus eth_held_gwei"),
        ])

    static let rollbacks = CSVSchema(
        file: "rollbacks.csv",
        description: "Optimistic model only: one row per rollback, when source blocks were reverted at finality.",
        columns: [
            CSVColumn(
                "decided_slot", "slot", "the slot at whose end the revert was decided (reverted slot + finality)"),
            CSVColumn("reverted_slot", "slot", "the slot of the reverted blocks"),
            CSVColumn(
                "reverted_shards", "shard ids", "the shards whose block of that slot was reverted, space-separated"),
            CSVColumn("shards_reexecuted", "count", "shards with at least one block produced again"),
            CSVColumn("shards_affected", "count", "shards in the cascade, the reverted ones included"),
            CSVColumn("cascade_depth", "hops", "0: only the reverted shards; n: receipts carried the change n hops"),
            CSVColumn(
                "deliveries_undone", "count", "receipt claims of the replayed slots that the replay did not redo"),
        ])

    static let summary = CSVSchema(
        file: "summary.csv",
        description: "Headline figures of the run, one per row. With a network: section, five rows follow: "
            + "orphaned_blocks (blocks discarded for missing the attestation deadline), orphan_rate (orphaned ÷ "
            + "published blocks), propagation_two_thirds_mean (s from publication to 2/3 of the committee, over blocks "
            + "that got there), published_block_bytes_mean and network_messages (gossip messages delivered, shard and "
            + "beacon blocks, duplicates included). Under the two-phase model, eleven rows come before those: "
            + "two_phase_aborted_no_vote, two_phase_aborted_lock_conflict and two_phase_aborted_lock_timeout "
            + "(transfers aborted for each reason; they add up to cross_shard_aborted), two_phase_abort_rate "
            + "(cross_shard_aborted ÷ ended transfers, ended = delivered + aborted), lock_met (ended transfers that "
            + "met a lock at least once: they waited, or a lock aborted them), lock_met_rate (lock_met ÷ ended "
            + "transfers), lock_waited (ended transfers "
            + "that a lock held back for at least one block), lock_wait_rate (lock_waited ÷ ended transfers), "
            + "lock_wait_slots_mean (blocks that held back ended transfers ÷ ended transfers), on_shard_lock_waits "
            + "(blocks that held back on-shard transactions, summed over them) and on_shard_lock_aborted (on-shard "
            + "transactions aborted by the conflict rule). Under the optimistic model, one row: blocks_orphaned "
            + "(blocks orphaned at finality by crossShard.orphanRate; also counted in blocks_reverted).",
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
            CSVColumn(
                "base_fee_gwei", "gwei per gas", "the base fee of this slot's block (kept in wei; nine decimals)"),
            CSVColumn(
                "next_base_fee_gwei", "gwei per gas",
                "the base fee of the shard's next block (kept in wei; nine decimals)"),
            CSVColumn("gas_used", "gas", "EIP-1559 gas the block used"),
            CSVColumn("gas_target", "gas", "the gas target (block gas limit ÷ elasticity)"),
            CSVColumn("gas_limit", "gas", "the block gas limit"),
            CSVColumn("included", "count", "user transactions included (and looked back at by the fee-market EE)"),
            CSVColumn("settled", "count", "included transactions whose relayer's deposit paid their fees"),
            CSVColumn("rejected", "count", "included transactions the fee-market EE rejected (or all, if it failed)"),
            CSVColumn(
                "mean_inclusion_delay_ms", "ms simulated", "mean time from submission to the block, included ones"),
            CSVColumn("max_inclusion_delay_ms", "ms simulated", "longest time from submission to the block"),
            CSVColumn("proposer_revenue_gwei", "gwei", "priority fees paid to the proposer by the fee-market EE"),
            CSVColumn("burned_gwei", "gwei", "base fees burned by the fee-market EE"),
            CSVColumn(
                "relayer_revenue_gwei", "gwei",
                "what this block's users paid their relayers for witness bytes (off-chain)"),
            CSVColumn(
                "relayer_deposits_gwei", "gwei", "the relayers' deposits after the block (the fee-market EE's balance)"),
            CSVColumn("waiting", "count", "user transactions waiting after the block"),
            CSVColumn("waiting_underpriced", "count", "of those, the ones whose fee cap is below the next base fee"),
            CSVColumn("expired", "count", "transactions dropped in this slot after waiting fees.transactionTimeout"),
            CSVColumn("fee_execution_gas", "gas", "gas of the fee-market EE's execution (wasm fuel and host calls)"),
            CSVColumn("fee_execution_failure", "reason", "why the fee-market EE's execution failed; empty on success"),
        ])

    static let network = CSVSchema(
        file: "network.csv",
        description: "One row per shard per slot when the scenario has a network: section; not written otherwise. "
            + "Times are µs of simulated time (Documentation/Network.md).",
        columns: [
            CSVColumn("slot", "slot", "the slot number"),
            CSVColumn("shard", "shard id", "the shard"),
            CSVColumn("proposer", "validator index", "the block's proposer; empty when the slot was missed"),
            CSVColumn(
                "outcome", "name",
                "crosslinked, orphaned (too late: discarded, transactions back in the mempool), missed (proposer offline) or failed (execution failed)"
            ),
            CSVColumn(
                "block_bytes", "bytes",
                "bytes the block sent over the network: every workload EE's block data, witnesses included"),
            CSVColumn(
                "published_us", "µs simulated",
                "when the proposer published the block, after the slot's start: when it had the slot's beacon block"),
            CSVColumn(
                "two_thirds_us", "µs simulated",
                "from publication until 2/3 of the committee had the block; empty if never"),
            CSVColumn(
                "reached_by_deadline", "members",
                "committee members (proposer included) that had the block by the attestation deadline"),
            CSVColumn("committee", "members", "the committee's size"),
            CSVColumn("crosslinked", "0/1", "1 when the block was crosslinked"),
            CSVColumn(
                "messages", "count",
                "block messages the gossip delivered, duplicates included (the events of the propagation)"),
        ])

    static let all = [slots, slotsWall, transfers, inflight, rollbacks, fees, network, summary]
}
