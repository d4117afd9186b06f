import Foundation

/// The rows of `summary.csv` about the measured transfers, the warm-up and the drain (``MeasurementWindow``), with
/// the definition of each: the figures a comparison of cross-shard models rests on.
enum MeasurementSummary {
    /// Each metric's name, unit and meaning, in the order of the rows (the data dictionary lists them).
    static let definitions: [CSVColumn] = [
        CSVColumn("warm_up_slots", "slots", "measurement.warmUp: first slots whose arrivals are not measured"),
        CSVColumn(
            "drain_slots", "slots",
            "slots the run went on after its last arrival slot, without arrivals (at most measurement.drain)"),
        CSVColumn(
            "drained", "0/1",
            "1 when the run ended with nothing in flight: no transaction waiting, no receipt in an inbox or held, "
                + "no revertible block that sent receipts"),
        CSVColumn(
            "measured_transfers", "transfers",
            "transfers by receipt submitted after the warm-up, up to the last arrival slot"),
        CSVColumn("measured_delivered", "transfers", "of those, delivered (credited to the recipient)"),
        CSVColumn(
            "measured_failed", "transfers",
            "of those, failed for good: rejected by the source EE, or aborted (refunded)"),
        CSVColumn(
            "measured_censored", "transfers",
            "of those, still unfinished when the run ended (pending, in_flight or aborting in transfers.csv): not "
                + "delivered, not lost; measured_delivered + measured_failed + measured_censored = measured_transfers"),
        CSVColumn(
            "measured_latency_mean", "s",
            "mean time from submission to the crediting block, over the measured delivered transfers"),
        CSVColumn(
            "measured_throughput", "transactions/s",
            "user transactions submitted after the warm-up and applied (in any slot, the drain's included), per "
                + "simulated second of the measured arrival window (slots − warm-up)"),
        CSVColumn(
            "measured_delivered_per_s", "transfers/s",
            "measured_delivered per simulated second of the measured arrival window"),
    ]

    /// The rows of `totals` under `window`, with a slot of `slotSeconds`.
    static func rows(_ totals: RunTotals, window: MeasurementWindow, slotSeconds: Double) -> [(String, String, String)]
    {
        let measured = totals.measured
        let seconds = Double(window.measuredSlots) * slotSeconds
        func perSecond(_ count: UInt64) -> String { seconds > 0 ? String(format: "%.3f", Double(count) / seconds) : "" }
        let values = [
            "\(window.warmUpSlots)", "\(measured.drainSlots)", measured.drained ? "1" : "0", "\(measured.submitted)",
            "\(measured.delivered)", "\(measured.failed)", "\(measured.censored)",
            measured.delivered == 0
                ? "" : String(format: "%.6f", measured.latencyMicrosSum / Double(measured.delivered) / 1e6),
            perSecond(measured.transactionsApplied), perSecond(measured.delivered),
        ]
        return zip(definitions, values).map { ($0.name, $1, $0.unit) }
    }
}
