/// `slots.csv` read per slot and per block, whichever layout wrote it: one row per shard per slot, or one row per
/// shard per EE per slot (with an `ee` column). Sums over a block's EE rows give the block's figures.
public struct SlotRows: Sendable {
    let table: CSVTable

    public init(_ table: CSVTable) { self.table = table }

    /// For each slot, `column` summed over every row of the slot (all shards, all EEs).
    public func sumPerSlot(_ column: String) -> [Double: Double] {
        guard let slot = table.index(of: ColumnNames.slot), let c = table.index(of: column) else { return [:] }
        var sums: [Double: Double] = [:]
        for row in table.rows {
            guard let n = Double(row[slot]) else { continue }
            sums[n, default: 0] += Double(row[c]) ?? 0
        }
        return sums
    }

    /// `column` of every produced (not missed) block, summed over the block's EE rows, in (slot, shard) order.
    public func perBlock(_ column: String) -> [Double] {
        guard let slot = table.index(of: ColumnNames.slot), let shard = table.index(of: ColumnNames.shard),
            let c = table.index(of: column)
        else { return [] }
        let missed = table.index(of: ColumnNames.missed)
        var order: [BlockKey] = []
        var sums: [BlockKey: Double] = [:]
        for row in table.rows where missed.map({ row[$0] != "1" }) ?? true {
            guard let s = Int(row[slot]), let h = Int(row[shard]), let value = Double(row[c]) else { continue }
            let key = BlockKey(slot: s, shard: h)
            if sums[key] == nil { order.append(key) }
            sums[key, default: 0] += value
        }
        return order.sorted().map { sums[$0]! }
    }

    /// The EEs of the file (`ee` column, in first-seen order), or `nil` for the one-EE layout.
    public var ees: [String]? {
        guard let ee = table.index(of: ColumnNames.ee) else { return nil }
        var names: [String] = []
        for row in table.rows where !names.contains(row[ee]) { names.append(row[ee]) }
        return names
    }

    /// Only the rows of EE `name` (all rows in the one-EE layout).
    public func rows(ofEE name: String?) -> SlotRows {
        guard let name, let ee = table.index(of: ColumnNames.ee) else { return self }
        return SlotRows(CSVTable(header: table.header, rows: table.rows.filter { $0[ee] == name }))
    }

    /// For each shard, its slot → `column` values (the first row of a shard and slot when EE rows repeat it).
    public func perShard(_ column: String) -> [Int: [Double: Double]] {
        guard let slot = table.index(of: ColumnNames.slot), let shard = table.index(of: ColumnNames.shard),
            let c = table.index(of: column)
        else { return [:] }
        var byShard: [Int: [Double: Double]] = [:]
        for row in table.rows {
            guard let h = Int(row[shard]), let s = Double(row[slot]), let value = Double(row[c]) else { continue }
            if byShard[h]?[s] == nil { byShard[h, default: [:]][s] = value }
        }
        return byShard
    }
}

/// A block's place: its slot and shard, ordered by slot first.
struct BlockKey: Hashable, Comparable {
    let slot: Int
    let shard: Int

    static func < (a: BlockKey, b: BlockKey) -> Bool { (a.slot, a.shard) < (b.slot, b.shard) }
}
