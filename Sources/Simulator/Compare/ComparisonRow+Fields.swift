import Foundation

/// `comparison.csv`, column by column: name, unit, meaning and value, in file order.
extension ComparisonRow {
    static let fields: [CSVField<ComparisonRow>] = [
        CSVField("model", "name", "the cross-shard model of the run") { $0.model },
        CSVField("seed", "seed", "the run's seed") { "\($0.seed)" },
        CSVField("cross_shard_submitted", "transfers", "summary.csv's cross_shard_submitted") {
            "\($0.crossShardSubmitted)"
        },
        CSVField("delivered", "transfers", "summary.csv's cross_shard_delivered") { "\($0.delivered)" },
        CSVField(
            "measured_transfers", "transfers",
            "summary.csv's measured_transfers: transfers submitted after the warm-up (the same under every model)"
        ) { "\($0.measured.submitted)" },
        CSVField("measured_delivered", "transfers", "summary.csv's measured_delivered") {
            "\($0.measured.delivered)"
        },
        CSVField("measured_failed", "transfers", "summary.csv's measured_failed (rejected, expired or aborted)") {
            "\($0.measured.failed)"
        },
        CSVField(
            "measured_censored", "transfers",
            "summary.csv's measured_censored: still unfinished when the run ended (drain cap); not delivered"
        ) { "\($0.measured.censored)" },
        CSVField("drain_slots", "slots", "summary.csv's drain_slots: slots run after the last arrival slot") {
            "\($0.measured.drainSlots)"
        },
        CSVField(
            "latency_submission_to_delivery_p50_s", "s simulated",
            "median of transfers.csv's latency_submission_to_delivery_s over the measured delivered transfers "
                + "(nearest rank)"
        ) { f($0.submissionToDeliverySeconds.p50) },
        CSVField("latency_submission_to_delivery_p95_s", "s simulated", "its 95th percentile (nearest rank)") {
            f($0.submissionToDeliverySeconds.p95)
        },
        CSVField("latency_submission_to_delivery_p99_s", "s simulated", "its 99th percentile (nearest rank)") {
            f($0.submissionToDeliverySeconds.p99)
        },
        CSVField("latency_submission_to_delivery_mean_s", "s simulated", "its mean") {
            f($0.submissionToDeliverySeconds.mean)
        },
        CSVField(
            "latency_submission_to_delivery_p50_slots", "slots",
            "median of latency_submission_to_delivery_slots over the measured delivered transfers (nearest rank)"
        ) { f($0.submissionToDeliverySlots.p50, 0) },
        CSVField("latency_submission_to_delivery_p95_slots", "slots", "its 95th percentile") {
            f($0.submissionToDeliverySlots.p95, 0)
        },
        CSVField("latency_submission_to_delivery_p99_slots", "slots", "its 99th percentile") {
            f($0.submissionToDeliverySlots.p99, 0)
        },
        CSVField(
            "latency_inclusion_to_delivery_p50_slots", "slots",
            "median of latency_inclusion_to_delivery_slots (the model's own delay) over the measured delivered "
                + "transfers"
        ) { f($0.inclusionToDeliverySlots.p50, 0) },
        CSVField("latency_inclusion_to_delivery_p95_slots", "slots", "its 95th percentile") {
            f($0.inclusionToDeliverySlots.p95, 0)
        },
        CSVField("latency_inclusion_to_delivery_p99_slots", "slots", "its 99th percentile") {
            f($0.inclusionToDeliverySlots.p99, 0)
        },
        CSVField(
            "throughput_tx_per_s", "transactions/s",
            "summary.csv's measured_throughput: measured user transactions applied per simulated second of the "
                + "measured arrival window"
        ) {
            f($0.throughput)
        },
        CSVField(
            "cross_shard_delivered_per_s", "transfers/s",
            "summary.csv's measured_delivered_per_s: measured transfers delivered per simulated second of the "
                + "measured arrival window"
        ) {
            f($0.crossShardThroughput)
        },
        CSVField(
            "failed", "transfers", "transfers.csv rows whose outcome failed for good: rejected, expired or aborted"
        ) {
            "\($0.failed)"
        },
        CSVField("aborted", "transfers", "summary.csv's cross_shard_aborted (two-phase)") { "\($0.aborted)" },
        CSVField("rolled_back", "transfers", "summary.csv's deliveries_rolled_back (optimistic)") {
            "\($0.rolledBack)"
        },
        CSVField("rollbacks", "rollbacks", "summary.csv's rollbacks (optimistic)") { "\($0.rollbacks)" },
        CSVField("blocks_reexecuted", "blocks", "summary.csv's blocks_reexecuted (optimistic)") {
            "\($0.blocksReExecuted)"
        },
        CSVField("max_cascade_depth", "hops", "summary.csv's max_cascade_depth (optimistic)") {
            "\($0.maxCascadeDepth)"
        },
        CSVField("eth_in_flight_mean_gwei", "gwei", "mean over slots of inflight.csv's eth_in_flight_gwei") {
            f($0.inFlightMeanGwei, 0)
        },
        CSVField("eth_in_flight_max_gwei", "gwei", "its maximum") { "\($0.inFlightMaxGwei)" },
        CSVField(
            "gas_per_transfer", "gas",
            "gas executed in total (gas_used plus discarded_gas) per delivered transfer"
        ) { f($0.gasPerTransfer, 0) },
        CSVField(
            "witness_bytes_per_transfer", "bytes",
            "witness bytes executed in total (witness_bytes plus discarded_witness_bytes) per delivered transfer"
        ) { f($0.witnessBytesPerTransfer, 0) },
        CSVField(
            "extra_gas_per_transfer", "gas",
            "gas executed minus the one-slot run's of the same seed, per delivered transfer; empty without one"
        ) { f($0.extraGasPerTransfer, 0) },
        CSVField(
            "extra_witness_bytes_per_transfer", "bytes",
            "the same for witness bytes; empty without a one-slot run of the same seed"
        ) { f($0.extraWitnessBytesPerTransfer, 0) },
        CSVField("eth_conserved", "0/1", "1 when conservation held in every slot of the run") {
            $0.conserved ? "1" : "0"
        },
        CSVField("run_folder", "path", "the run folder, relative to the comparison folder") { $0.folder },
    ]

    /// Column names of `comparison.csv`, in order: `model`, `seed`, then the figures.
    package static var columns: [String] { fields.map(\.column.name) }

    /// The row's fields, in ``columns`` order.
    var values: [String] { Self.fields.map { $0.value(self) } }
}

/// A figure with `digits` decimals; empty when there is none.
private func f(_ value: Double?, _ digits: Int = 3) -> String {
    value.map { String(format: "%.\(digits)f", $0) } ?? ""
}
