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
        columns: SlotRow.wallFields.map(\.column))

    static let transfers = CSVSchema(
        file: "transfers.csv",
        description: "One row per transfer that moves ETH by a receipt (to another shard, another workload EE, or "
            + "both), written in the slot it ends (delivered, rejected, expired or aborted); transfers still open when the run ends "
            + "(pending, in flight, aborting) are written last, in id order.",
        columns: TransferRow.fields.map(\.column))

    static let inflight = CSVSchema(
        file: "inflight.csv",
        description: "ETH in flight between shards at the end of every slot, after receipts were routed. Under the "
            + "optimistic model rows are written once their slot is final.",
        columns: InflightRow.fields.map(\.column))

    static let rollbacks = CSVSchema(
        file: "rollbacks.csv",
        description: "Optimistic model only: one row per rollback, when source blocks were reverted at finality.",
        columns: RollbackRow.fields.map(\.column))

    static let summary = CSVSchema(
        file: "summary.csv",
        description: "Headline figures of the run, one per row, written when the run finishes; every metric is "
            + "defined under *Metrics* below. A value is empty when it is undefined (a mean over nothing).",
        columns: [
            CSVColumn("metric", "name", "what is measured"),
            CSVColumn("value", "see unit", "the figure"),
            CSVColumn("unit", "name", "its unit"),
        ])

    static let fees = CSVSchema(
        file: "fees.csv",
        description: "One row per shard per slot when the fee market is on (`fees.ee`); not written otherwise. "
            + "Gas here is EIP-1559 gas: 5,000 per user transaction and 1,500 per receipt (Documentation/FeeMarket.md).",
        columns: FeeRow.fields.map(\.column))

    static let network = CSVSchema(
        file: "network.csv",
        description: "One row per shard per slot when the scenario has a network: section; not written otherwise. "
            + "Times are µs of simulated time (Documentation/Network.md).",
        columns: NetworkRow.fields.map(\.column))

    static let all = [slots, slotsWall, transfers, inflight, rollbacks, fees, network, summary]

    /// `comparison.csv` of a comparison folder (`shardsim compare`).
    static let comparison = CSVSchema(
        file: "comparison.csv",
        description: "In a comparison folder (`shardsim compare`): one row per model and seed, read from that run's "
            + "folder (`<model>-seed<N>/`). Percentiles are nearest-rank over delivered transfers.",
        columns: ComparisonRow.fields.map(\.column))

    /// `inflight.csv` of a comparison folder: every run's in long format.
    static let comparisonInflight = CSVSchema(
        file: "inflight.csv",
        description: "In a comparison folder: every run's inflight.csv in long format, one row per model, seed and "
            + "slot.",
        columns: [
            CSVColumn("model", "name", "the run's cross-shard model"),
            CSVColumn("seed", "seed", "the run's seed"),
            CSVColumn("slot", "slot", "the slot"),
            CSVColumn("eth_in_flight_gwei", "gwei", "the run's inflight.csv eth_in_flight_gwei at that slot"),
        ])

    /// `points.csv` of a sweep folder (`shardsim sweep`); its swept-field columns follow the fixed ones.
    static let sweepPoints = CSVSchema(
        file: "points.csv",
        description: "In a sweep folder (`shardsim sweep`): one row per job (sweep point × seed). After the fixed "
            + "columns, one column per swept field, named by its path and a unit suffix when every value has one "
            + "unit (`workload.crossShardFraction_pct` holds `20` for 20%; suffixes `_pct`, `_s`, `_gwei`, `_gas`, "
            + "`_bytes`, `_slots`, `_epochs`), else by its path with the values as spelled.",
        columns: [
            CSVColumn("job", "index", "the job's index, from 0: the Slurm array task id"),
            CSVColumn("point", "index", "the sweep point, from 0"),
            CSVColumn("seed", "seed", "the job's seed"),
            CSVColumn("label", "text", "the point as path=value pairs, comma-separated"),
            CSVColumn("folder", "path", "the job's run folder, relative to the sweep folder"),
            CSVColumn("command", "shell", "the command that runs the job alone"),
        ])

    /// The files of comparison and sweep folders, documented after the run folder's.
    static let studyFiles = [comparison, comparisonInflight, sweepPoints]
}
