/// `transfers.csv`, column by column: name, unit, meaning and value, in file order.
extension TransferRow {
    static let fields: [CSVField<TransferRow>] = [
        CSVField("transfer_id", "id", "the user transaction's id, unique in the run, in arrival order") {
            "\($0.record.transaction.id)"
        },
        CSVField("source_shard", "shard id", "the sender's shard") { "\($0.record.transaction.sourceShard.index)" },
        CSVField("source_ee", "name", "the sender's EE (its name in ees)") {
            $0.eeNames[Int($0.record.transaction.ee.index)]
        },
        CSVField("source_account", "index", "the sender's account index") { "\($0.record.transaction.from)" },
        CSVField(
            "destination_shard", "shard id", "the recipient's shard (may be the sender's, for a transfer between EEs)"
        ) { "\($0.record.transaction.destinationShard.index)" },
        CSVField(
            "destination_ee", "name", "the recipient's EE: the sender's unless the transfer moves ETH between EEs"
        ) { $0.eeNames[Int($0.record.transaction.destinationEE.index)] },
        CSVField("destination_account", "index", "the recipient's account index") { "\($0.record.transaction.to)" },
        CSVField("amount_gwei", "gwei", "the amount sent") { "\($0.record.transaction.amount.value)" },
        CSVField("created_us", "µs simulated", "when the user submitted the transaction") {
            "\($0.record.transaction.created.micros)"
        },
        CSVField("included_slot", "slot", "the slot of the source block that included it; empty if never") {
            $0.record.includedSlot.map { "\($0.number)" } ?? ""
        },
        CSVField("delivered_slot", "slot", "the slot of the destination block that credited it; empty if not") {
            $0.record.deliveredSlot.map { "\($0.number)" } ?? ""
        },
        CSVField(
            "delivered_us", "µs simulated",
            "when the destination block was produced (the last µs of delivered_slot); empty if not"
        ) { $0.record.deliveredAt.map { "\($0.micros)" } ?? "" },
        CSVField(
            "latency_submission_to_delivery_slots", "slots",
            "the headline latency in slots: delivered_slot minus the slot during which created_us falls; empty if not delivered"
        ) { $0.latency.map { "\($0.submissionToDeliverySlots)" } ?? "" },
        CSVField(
            "latency_submission_to_delivery_s", "s simulated",
            "the headline latency: delivered_us minus created_us (the wait for inclusion plus the cross-shard model's delay); empty if not delivered"
        ) { $0.latency.map { seconds($0.submissionToDeliveryMicros) } ?? "" },
        CSVField(
            "latency_inclusion_to_delivery_slots", "slots",
            "delivered_slot minus included_slot: the cross-shard model's delay alone; empty if not delivered"
        ) { $0.latency?.inclusionToDeliverySlots.map { "\($0)" } ?? "" },
        CSVField(
            "latency_inclusion_to_delivery_s", "s simulated",
            "from the source block (the last µs of included_slot) to delivered_us; empty if not delivered"
        ) { $0.latency?.inclusionToDeliveryMicros.map(seconds) ?? "" },
        CSVField("model", "name", "the cross-shard model of the run") { $0.model },
        CSVField(
            "outcome", "name", "how the transfer ended, or where it stood when the run ended: see *Outcomes* below"
        ) {
            $0.record.outcome.name
        },
    ]
}

/// Microseconds as seconds with six decimals, exact and formatted without Foundation so output is locale-free.
private func seconds(_ micros: UInt64) -> String {
    let fraction = String(micros % 1_000_000)
    return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
}
