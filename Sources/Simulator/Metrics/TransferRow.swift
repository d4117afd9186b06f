import Beacon

/// One row of `transfers.csv`: a transfer's record, with what its columns need from the run.
struct TransferRow: Sendable {
    let record: TransferRecord
    /// The run's cross-shard model.
    let model: String
    /// Every EE's name, by EE id.
    let eeNames: [String]
    /// The run's slot clock, for the latency in slots since submission.
    let clock: SlotClock

    var latency: TransferLatency? { record.latency(clock: clock) }
}
