import Beacon

/// One row of `inflight.csv`: the ETH in flight between shards at the end of a slot, after receipts were routed.
struct InflightRow: Sendable, Codable {
    var slot: Slot
    /// Receipts in destination inboxes, not yet processed, and the ETH they carry.
    var receiptsWaiting: Int
    var ethWaiting: Gwei
    /// Receipts held by the cross-shard model (awaiting finality, or locked), and the ETH they carry.
    var receiptsHeld: Int
    var ethHeld: Gwei
}

/// `inflight.csv`, column by column: name, unit, meaning and value, in file order.
extension InflightRow {
    static let fields: [CSVField<InflightRow>] = [
        CSVField("slot", "slot", "the slot") { "\($0.slot.number)" },
        CSVField("receipts_waiting", "count", "receipts in destination inboxes, not yet processed") {
            "\($0.receiptsWaiting)"
        },
        CSVField("eth_waiting_gwei", "gwei", "ETH carried by those receipts") { "\($0.ethWaiting.value)" },
        CSVField("receipts_held", "count", "receipts held by the cross-shard model (awaiting finality, or locked)") {
            "\($0.receiptsHeld)"
        },
        CSVField("eth_held_gwei", "gwei", "ETH carried by those receipts") { "\($0.ethHeld.value)" },
        CSVField("eth_in_flight_gwei", "gwei", "eth_waiting_gwei plus eth_held_gwei") {
            "\(($0.ethWaiting + $0.ethHeld).value)"
        },
    ]
}
