/// One swept field of a sweep, as `points.csv` names it: the column (`workload.crossShardFraction_pct`), and the
/// field path and unit that column stands for.
public struct SweepFactor: Sendable, Equatable {
    /// The `points.csv` column.
    public let column: String
    /// The scenario field path, e.g. `workload.crossShardFraction`.
    public let path: String
    /// The unit of the column's values, e.g. `%`, `s`, `gwei`; empty for counts, plain numbers and names.
    public let unit: String

    /// Unit suffixes `SweepJob.index` writes (Documentation/Scenarios.md), and how they are shown.
    static let suffixes: [(suffix: String, unit: String)] = [
        ("_pct", "%"), ("_s", "s"), ("_gwei", "gwei"), ("_gas", "gas"), ("_bytes", "bytes"), ("_slots", "slots"),
    ]

    /// Units of swept fields whose values carry none (counts), so their axes still say what is counted.
    static let countUnits: [String: String] = [
        "shards.count": "shards", "workload.transactionsPerSlot": "transactions per shard per slot", "slots": "slots",
        "beacon.slotsPerEpoch": "slots", "beacon.validatorsPerShard": "validators",
    ]

    public init(column: String) {
        self.column = column
        for (suffix, unit) in Self.suffixes where column.hasSuffix(suffix) && column.count > suffix.count {
            path = String(column.dropLast(suffix.count))
            self.unit = unit
            return
        }
        path = column
        unit = Self.countUnits[column] ?? ""
    }

    /// The columns of a sweep label `path=value,path=value` (points.csv files written before the typed columns),
    /// with their values as spelled. A piece that does not start with `path=` continues the previous value (a shard
    /// list such as `0-3,7`): field paths are identifiers and no sweepable value contains `=`.
    static func coordinates(fromLabel label: String) -> [(column: String, value: String)] {
        var out: [(column: String, value: String)] = []
        for piece in label.split(separator: ",", omittingEmptySubsequences: false) {
            if let equals = piece.firstIndex(of: "="),
                piece[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || "._[]".contains($0) }),
                !piece[..<equals].isEmpty
            {
                out.append((String(piece[..<equals]), String(piece[piece.index(after: equals)...])))
            } else if !out.isEmpty {
                out[out.count - 1].value += "," + piece
            }
        }
        return out
    }
}
