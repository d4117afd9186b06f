import Beacon

/// How long a delivered transfer took, on both clocks a reader may assume: from the user's submission, and from the
/// source block that included it, each to the destination block that credited it, in slots and in seconds.
///
/// Blocks are produced at the last microsecond of their slot, so a transfer submitted during slot `s`, included by
/// the block of `s` and credited by the block of `s + 1` took 1 slot on both clocks; in seconds it took one slot
/// from inclusion, and one slot plus the rest of slot `s` from submission.
struct TransferLatency: Sendable, Equatable {
    /// The delivery slot minus the slot during which the user submitted the transaction.
    var submissionToDeliverySlots: UInt64
    /// From the submission (`created_us`) to the crediting block (`delivered_us`), in µs.
    var submissionToDeliveryMicros: UInt64
    /// The delivery slot minus the slot of the source block that included it; `nil` when no inclusion is known.
    var inclusionToDeliverySlots: UInt64?
    /// From the source block (the last µs of its slot) to the crediting block, in µs.
    var inclusionToDeliveryMicros: UInt64?
}

extension TransferRecord {
    /// Both clocks of the latency, or `nil` until the transfer is delivered.
    func latency(clock: SlotClock) -> TransferLatency? {
        guard let deliveredSlot, let deliveredAt else { return nil }
        let created = transaction.created
        let submittedSlot = clock.slot(at: created)
        var latency = TransferLatency(
            submissionToDeliverySlots: deliveredSlot.number - min(submittedSlot.number, deliveredSlot.number),
            submissionToDeliveryMicros: deliveredAt.micros - min(created.micros, deliveredAt.micros))
        if let includedSlot {
            let includedAt = clock.start(of: includedSlot.next).micros - 1
            latency.inclusionToDeliverySlots = deliveredSlot.number - min(includedSlot.number, deliveredSlot.number)
            latency.inclusionToDeliveryMicros = deliveredAt.micros - min(includedAt, deliveredAt.micros)
        }
        return latency
    }
}
