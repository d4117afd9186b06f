import Beacon
import Shard

/// The life of one transfer that moves ETH by a receipt (to another shard, another EE, or both), for
/// `transfers.csv`.
struct TransferRecord: Sendable, Codable {
    let transaction: UserTransaction
    var includedSlot: Slot?
    var deliveredSlot: Slot?
    var deliveredAt: SimTime?
    var outcome = TransferOutcome.pending
    /// Two-phase commit: blocks that held it back because an account it had to lock was locked (at the source
    /// before inclusion, or at the destination's vote).
    var lockWaitSlots: UInt64 = 0

    /// The row's fields, in ``OutputSchemas/transfers`` order; `eeNames` gives each EE's name by id.
    func fields(model: String, eeNames: [String]) -> [String] {
        let latencySlots = both(includedSlot, deliveredSlot).map { "\($1.number - $0.number)" } ?? ""
        let latencySeconds = deliveredAt.map { SimDuration(micros: $0.micros - transaction.created.micros).seconds }
        return [
            "\(transaction.id)", "\(transaction.sourceShard.index)", eeNames[Int(transaction.ee.index)],
            "\(transaction.from)", "\(transaction.destinationShard.index)",
            eeNames[Int(transaction.destinationEE.index)],
            "\(transaction.to)", "\(transaction.amount.value)",
            "\(transaction.created.micros)", includedSlot.map { "\($0.number)" } ?? "",
            deliveredSlot.map { "\($0.number)" } ?? "", deliveredAt.map { "\($0.micros)" } ?? "", latencySlots,
            latencySeconds.map { String(format: "%.6f", $0) } ?? "", model, outcome.name,
        ]
    }
}

private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
