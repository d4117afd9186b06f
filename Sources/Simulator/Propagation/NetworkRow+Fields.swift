/// `network.csv`, column by column: name, unit, meaning and value, in file order.
extension NetworkRow {
    static let fields: [CSVField<NetworkRow>] = [
        CSVField("slot", "slot", "the slot number") { "\($0.slot.number)" },
        CSVField("shard", "shard id", "the shard") { "\($0.shard.index)" },
        CSVField("proposer", "validator index", "the block's proposer; empty when the slot was missed") {
            $0.proposer.map { "\($0.index)" } ?? ""
        },
        CSVField(
            "outcome", "name",
            "crosslinked, orphaned (too late: discarded, transactions back in the mempool), missed (proposer offline) or failed (execution failed)"
        ) { $0.outcome.rawValue },
        CSVField(
            "block_bytes", "bytes",
            "bytes the block sent over the network: every workload EE's block data, witnesses included"
        ) { "\($0.blockBytes)" },
        CSVField(
            "published_us", "µs simulated",
            "when the proposer published the block, after the slot's start: when it had the slot's beacon block"
        ) { micros($0.delivery?.publishedMicros) },
        CSVField(
            "two_thirds_us", "µs simulated", "from publication until 2/3 of the committee had the block; empty if never"
        ) { micros($0.delivery?.quorumMicros) },
        CSVField(
            "reached_by_deadline", "members",
            "committee members (proposer included) that had the block by the attestation deadline"
        ) { $0.delivery.map { "\($0.reachedByDeadline)" } ?? "" },
        CSVField("committee", "members", "the committee's size") { "\($0.committee)" },
        CSVField("crosslinked", "0/1", "1 when the block was crosslinked") { $0.outcome == .crosslinked ? "1" : "0" },
        CSVField(
            "messages", "count",
            "block messages the gossip delivered, duplicates included (the events of the propagation)"
        ) { $0.delivery.map { "\($0.messages)" } ?? "0" },
    ]
}

/// A time in µs rounded up to a whole microsecond; empty when there is none (or it is infinite: never).
private func micros(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return String(Int64(value.rounded(.up)))
}
