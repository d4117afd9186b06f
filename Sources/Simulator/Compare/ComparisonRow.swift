import Foundation

/// The figures of one run of a comparison: one row of `comparison.csv`.
package struct ComparisonRow: Sendable {
    package var model: String
    package var seed: UInt64
    package var folder: String
    var crossShardSubmitted: UInt64 = 0
    var delivered: UInt64 = 0
    /// Latency of delivered transfers on both clocks: from submission (the headline), in seconds and slots, and
    /// from inclusion in the source block, in slots (the cross-shard model's own delay).
    var submissionToDeliverySeconds = LatencyPercentiles()
    var submissionToDeliverySlots = LatencyPercentiles()
    var inclusionToDeliverySlots = LatencyPercentiles()
    var throughput: Double = 0
    var crossShardThroughput: Double = 0
    var failed: UInt64 = 0
    var aborted: UInt64 = 0
    var rolledBack: UInt64 = 0
    var rollbacks: UInt64 = 0
    var blocksReExecuted: UInt64 = 0
    var maxCascadeDepth: UInt64 = 0
    var inFlightMeanGwei: Double = 0
    var inFlightMaxGwei: UInt64 = 0
    /// Gas executed in total (final chain plus discarded versions) and witness bytes, per delivered transfer.
    var gasPerTransfer: Double?
    var witnessBytesPerTransfer: Double?
    /// The same, minus the one-slot run of the same seed (empty without one).
    var extraGasPerTransfer: Double?
    var extraWitnessBytesPerTransfer: Double?
    var gasExecuted: UInt64 = 0
    var witnessBytesExecuted: UInt64 = 0
    var conserved = true

    /// Column names of `comparison.csv`, in order: `model`, `seed`, then the figures.
    package static let columns = [
        "model", "seed", "cross_shard_submitted", "delivered", "latency_submission_to_delivery_p50_s",
        "latency_submission_to_delivery_p95_s", "latency_submission_to_delivery_p99_s",
        "latency_submission_to_delivery_mean_s", "latency_submission_to_delivery_p50_slots",
        "latency_submission_to_delivery_p95_slots", "latency_submission_to_delivery_p99_slots",
        "latency_inclusion_to_delivery_p50_slots", "latency_inclusion_to_delivery_p95_slots",
        "latency_inclusion_to_delivery_p99_slots",
        "throughput_tx_per_s", "cross_shard_delivered_per_s", "failed", "aborted", "rolled_back", "rollbacks",
        "blocks_reexecuted", "max_cascade_depth", "eth_in_flight_mean_gwei", "eth_in_flight_max_gwei",
        "gas_per_transfer", "witness_bytes_per_transfer", "extra_gas_per_transfer", "extra_witness_bytes_per_transfer",
        "eth_conserved", "run_folder",
    ]

    /// The row's fields, in ``columns`` order.
    var fields: [String] {
        func f(_ value: Double?, _ digits: Int = 3) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "" }
        return [
            model, "\(seed)", "\(crossShardSubmitted)", "\(delivered)", f(submissionToDeliverySeconds.p50),
            f(submissionToDeliverySeconds.p95), f(submissionToDeliverySeconds.p99), f(submissionToDeliverySeconds.mean),
            f(submissionToDeliverySlots.p50, 0), f(submissionToDeliverySlots.p95, 0),
            f(submissionToDeliverySlots.p99, 0), f(inclusionToDeliverySlots.p50, 0),
            f(inclusionToDeliverySlots.p95, 0), f(inclusionToDeliverySlots.p99, 0), f(throughput),
            f(crossShardThroughput), "\(failed)", "\(aborted)", "\(rolledBack)",
            "\(rollbacks)", "\(blocksReExecuted)", "\(maxCascadeDepth)", f(inFlightMeanGwei, 0), "\(inFlightMaxGwei)",
            f(gasPerTransfer, 0), f(witnessBytesPerTransfer, 0), f(extraGasPerTransfer, 0),
            f(extraWitnessBytesPerTransfer, 0), conserved ? "1" : "0", folder,
        ]
    }
}

/// Nearest-rank percentiles and the mean of a sample; all `nil` when it is empty.
struct LatencyPercentiles: Sendable {
    var p50: Double?
    var p95: Double?
    var p99: Double?
    var mean: Double?

    init() {}

    /// The nearest-rank percentiles of `values`: the p-th is the ⌈p·n⌉-th smallest value.
    init(_ values: [Double]) {
        guard !values.isEmpty else { return }
        let sorted = values.sorted()
        func rank(_ p: Double) -> Double { sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)] }
        p50 = rank(0.50)
        p95 = rank(0.95)
        p99 = rank(0.99)
        mean = values.reduce(0, +) / Double(values.count)
    }
}
