import Foundation
import RunFormat

/// The rows of `summary.csv` about the measured transfers, the warm-up and the drain (``MeasurementWindow``): the
/// figures a comparison of cross-shard models rests on. Their definitions are ``SummaryMetric/measurement``.
enum MeasurementSummary {
    /// The rows of `totals` under `window`, with a slot of `slotSeconds`.
    static func rows(_ totals: RunTotals, window: MeasurementWindow, slotSeconds: Double) -> [(SummaryMetric, String)] {
        let measured = totals.measured
        let seconds = Double(window.measuredSlots) * slotSeconds
        func perSecond(_ count: UInt64) -> String { seconds > 0 ? String(format: "%.3f", Double(count) / seconds) : "" }
        return [
            (.warmUpSlots, "\(window.warmUpSlots)"),
            (.drainSlots, "\(measured.drainSlots)"),
            (.drained, measured.drained ? "1" : "0"),
            (.measuredTransfers, "\(measured.submitted)"),
            (.measuredDelivered, "\(measured.delivered)"),
            (.measuredFailed, "\(measured.failed)"),
            (.measuredCensored, "\(measured.censored)"),
            (
                .measuredLatencyMean,
                measured.delivered == 0
                    ? "" : String(format: "%.6f", measured.latencyMicrosSum / Double(measured.delivered) / 1e6)
            ),
            (.measuredThroughput, perSecond(measured.transactionsApplied)),
            (.measuredDeliveredPerSecond, perSecond(measured.delivered)),
        ]
    }
}
