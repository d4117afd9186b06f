import Foundation

/// The figures of one run of a comparison: one row of `comparison.csv`.
package struct ComparisonRow: Sendable {
    package var model: String
    package var seed: UInt64
    package var folder: String
    var crossShardSubmitted: UInt64 = 0
    var delivered: UInt64 = 0
    /// The measured transfers (submitted after the warm-up) and what became of them; delivered, failed and censored
    /// add up to the measured ones. With a drain long enough, every model has the same measured transfers.
    var measured = MeasuredTransfers()
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
