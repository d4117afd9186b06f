/// What became of the measured transfers (those submitted after the warm-up, see ``MeasurementWindow``): the
/// figures a comparison of models rests on. Delivered, failed and censored add up to submitted once the run ends.
struct MeasuredTransfers: Sendable, Codable, Equatable {
    /// Transfers by receipt submitted in the measured window.
    var submitted: UInt64 = 0
    /// Of those, delivered (credited to the recipient).
    var delivered: UInt64 = 0
    /// Of those, failed for good: rejected by the source EE, or aborted and refunded (two-phase).
    var failed: UInt64 = 0
    /// Of those, unfinished when the run ended (waiting for a block, a receipt in flight, a refund on its way):
    /// censored by the run's end, not delivered and not lost. Set when the run ends.
    var censored: UInt64 = 0
    /// Sum of the delivered ones' latencies from submission to the crediting block, in µs (floating point, as
    /// ``RunTotals/latencyMicrosSum``).
    var latencyMicrosSum: Double = 0
    /// User transactions of any kind submitted in the measured window and applied by their block.
    var transactionsApplied: UInt64 = 0
    /// Slots the run went on after its last arrival slot, and whether it then had nothing in flight.
    var drainSlots: UInt64 = 0
    var drained = false
}
