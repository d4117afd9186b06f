/// Every file and column name a report reads, in one place: when an output changes a name, change it here.
public enum ColumnNames {
    public static let slotsFile = "slots.csv"
    public static let transfersFile = "transfers.csv"
    public static let summaryFile = "summary.csv"
    /// Base fee per shard per slot, written by the fee market when it runs.
    public static let feesFile = "fees.csv"
    /// One row per model and seed, in a comparison folder.
    public static let comparisonFile = "comparison.csv"
    /// One row per job of a sweep (`job,point,seed,label,folder,command`, then one column per swept field), in a
    /// sweep folder.
    public static let pointsFile = "points.csv"
    /// ETH in flight between shards after every slot.
    public static let inflightFile = "inflight.csv"
    /// Each shard's block propagation per slot, when the scenario has a network.
    public static let networkFile = "network.csv"
    /// The resolved scenario of a run.
    public static let scenarioFile = "scenario.yaml"

    /// The columns of `points.csv` that are not swept fields.
    public static let pointsFixedColumns: Set<String> = ["job", "point", "seed", "label", "folder", "command"]
    public static let pointsFolder = "folder"
    public static let pointsLabel = "label"

    public static let slot = "slot"
    public static let shard = "shard"
    public static let missed = "missed"
    public static let applied = "applied"
    public static let transactions = "transactions"
    public static let gasUsed = "gas_used"
    public static let witnessBytes = "witness_bytes"
    public static let executionTime = "execution_time_us"
    public static let inboxAfter = "inbox_after"
    public static let receiptsTrimmed = "receipts_trimmed"
    public static let executionFailure = "execution_failure"
    public static let includedSlot = "included_slot"
    public static let deliveredSlot = "delivered_slot"
    public static let destinationShard = "destination_shard"
    /// `network.csv`: the block's fate, its bytes, and its time from publication to 2/3 of the committee (µs).
    public static let blockBytes = "block_bytes"
    public static let twoThirds = "two_thirds_us"
    public static let crosslinked = "crosslinked"
    /// The headline latency: seconds, and slots, from the user's submission to the crediting block.
    public static let latencySubmissionSeconds = "latency_submission_to_delivery_s"
    public static let latencySubmissionSlots = "latency_submission_to_delivery_slots"
    /// Slots, and seconds, from the source block that included the transfer to the crediting block.
    public static let latencyInclusionSlots = "latency_inclusion_to_delivery_slots"
    public static let latencyInclusionSeconds = "latency_inclusion_to_delivery_s"
    /// Before both clocks were written, `latency_s` was submission→delivery and `latency_slots` inclusion→delivery:
    /// reports still read such run folders.
    public static let legacyLatencySubmissionSeconds = "latency_s"
    public static let legacyLatencyInclusionSlots = "latency_slots"
    /// In `slots.csv` when it has one row per shard per EE per slot; absent when the workload EE is the only one.
    public static let ee = "ee"
    public static let ethInFlight = "eth_in_flight_gwei"
    public static let outcome = "outcome"
    public static let metric = "metric"
    public static let value = "value"
    public static let unit = "unit"

    /// The cross-shard models in the order every report lists them: the simplest first, then by how long a
    /// transfer waits. Other models follow in name order.
    public static let modelOrder = ["one-slot", "finality-wait", "optimistic", "two-phase"]

    /// Names a base-fee column may have, tried in order; then any column whose name contains `base_fee`.
    public static let baseFeeCandidates = ["base_fee_gwei", "base_fee", "base_fee_wei", "basefee"]

    /// The base-fee column of `header`, if it has one.
    public static func baseFee(in header: [String]) -> String? {
        for name in baseFeeCandidates where header.contains(name) { return name }
        return header.first { $0.lowercased().contains("base_fee") }
    }
}
