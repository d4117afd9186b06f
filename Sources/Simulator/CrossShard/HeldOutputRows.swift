import Beacon

/// Output rows of slots that a rollback could still rewrite, held back until their slot is final.
///
/// Under the optimistic model a block can be reverted for `finality` slots, so the rows of `slots.csv`,
/// `transfers.csv`, `inflight.csv` and `fees.csv` are written only once their slot can no longer change: the files describe
/// the final chain. Under the other models nothing is held.
struct HeldOutputRows: Sendable, Codable {
    /// One row of one of the held files.
    enum Row: Sendable, Codable {
        case slot(SlotRow, wallMicros: UInt64)
        case transfer(TransferRecord)
        case inflight(InflightRow)
        case fees(FeeRow)
        case network(NetworkRow)
    }

    /// A held row and the slot that produced it.
    private struct Held: Sendable, Codable {
        var slot: Slot
        var row: Row
    }

    private var rows: [Held] = []

    /// Holds `row`, produced while settling `slot`.
    mutating func hold(_ row: Row, slot: Slot) { rows.append(Held(slot: slot, row: row)) }

    /// Forgets the rows of `slot` and later, which a rollback is about to produce again.
    mutating func discard(from slot: Slot) { rows.removeAll { $0.slot >= slot } }

    /// Removes and returns the rows of slots up to `slot` (all of them when `nil`), in the order produced.
    mutating func take(through slot: Slot?) -> [Row] {
        guard let slot else {
            defer { rows = [] }
            return rows.map(\.row)
        }
        let split = rows.firstIndex { $0.slot > slot } ?? rows.count
        defer { rows.removeFirst(split) }
        return rows[..<split].map(\.row)
    }
}
