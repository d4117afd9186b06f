/// The metrics of the measured transfers (warm-up and drain, `measurement.*`) and of receipt fees.
extension SummaryMetric {
    package static let warmUpSlots = SummaryMetric(
        "warm_up_slots", "slots", "measurement.warmUp: first slots whose arrivals are not measured")
    package static let drainSlots = SummaryMetric(
        "drain_slots", "slots",
        "slots the run went on after its last arrival slot, without arrivals (at most measurement.drain)")
    package static let drained = SummaryMetric(
        "drained", "0/1",
        "1 when the run ended with nothing in flight: no transaction waiting, no receipt in an inbox or held, no "
            + "revertible block that sent receipts")
    package static let measuredTransfers = SummaryMetric(
        "measured_transfers", "transfers",
        "transfers by receipt submitted after the warm-up, up to the last arrival slot (the same under every "
            + "cross-shard model for a given seed)")
    package static let measuredDelivered = SummaryMetric(
        "measured_delivered", "transfers", "of those, delivered (credited to the recipient)")
    package static let measuredFailed = SummaryMetric(
        "measured_failed", "transfers", "of those, failed for good: rejected by the source EE, expired, or aborted")
    package static let measuredCensored = SummaryMetric(
        "measured_censored", "transfers",
        "of those, still unfinished when the run ended (pending, in_flight or aborting in transfers.csv): not "
            + "delivered, not lost; measured_delivered + measured_failed + measured_censored = measured_transfers")
    package static let measuredLatencyMean = SummaryMetric(
        "measured_latency_submission_to_delivery_mean_s", "s",
        "mean time from submission to the crediting block over the measured delivered transfers")
    package static let measuredThroughput = SummaryMetric(
        "measured_throughput", "transactions/s",
        "user transactions submitted after the warm-up and applied (in any slot, the drain's included), per "
            + "simulated second of the measured arrival window (slots − warm-up)")
    package static let measuredDeliveredPerSecond = SummaryMetric(
        "measured_delivered_per_s", "transfers/s",
        "measured_delivered per simulated second of the measured arrival window")

    /// The measured-transfer metrics, in file order.
    package static let measurement: [SummaryMetric] = [
        warmUpSlots, drainSlots, drained, measuredTransfers, measuredDelivered, measuredFailed, measuredCensored,
        measuredLatencyMean, measuredThroughput, measuredDeliveredPerSecond,
    ]

    package static let receiptFeesPrepaid = SummaryMetric(
        "receipt_fees_prepaid", "gwei",
        "receipt fees senders prepaid at their source shard (1,500 gas × base fee + tip per receipt sent; 0 without "
            + "a fee market)")
    package static let receiptFeesBurned = SummaryMetric(
        "receipt_fees_burned", "gwei",
        "of the prepaid fees of processed receipts, burned where they were processed (1,500 gas × that block's base "
            + "fee, or all of a smaller prepayment); also in fees_burned")
    package static let receiptFeesTipped = SummaryMetric(
        "receipt_fees_tipped", "gwei",
        "of the same, the rest, paid to the proposers that processed them; also in fees_paid_to_proposers")
    package static let receiptsUnderpaid = SummaryMetric(
        "receipts_underpaid", "receipts",
        "receipts processed with a prepaid fee below 1,500 gas × the processing block's base fee (all of it burned)")

    /// The receipt-fee metrics, in file order.
    package static let receiptFees: [SummaryMetric] = [
        receiptFeesPrepaid, receiptFeesBurned, receiptFeesTipped, receiptsUnderpaid,
    ]
}
