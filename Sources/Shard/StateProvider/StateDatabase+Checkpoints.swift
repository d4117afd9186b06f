import Beacon
import CSQLite3
import Foundation

/// Checkpoints of a run, beside the state they belong to: an opaque snapshot per checkpointed slot (only the latest
/// is kept), so a killed run resumes from the last one.
extension StateDatabase {
    /// Stores `snapshot` as the checkpoint after `slot`, replacing older checkpoints, in one transaction.
    package func writeCheckpoint(slot: Slot, snapshot: Data) throws(StateDatabaseError) {
        try execute("CREATE TABLE IF NOT EXISTS checkpoints (slot INTEGER PRIMARY KEY, snapshot BLOB NOT NULL)")
        try transaction { () throws(StateDatabaseError) in
            try execute("DELETE FROM checkpoints")
            let insert = try prepare("INSERT INTO checkpoints (slot, snapshot) VALUES (?, ?)")
            defer { sqlite3_finalize(insert) }
            sqlite3_bind_int64(insert, 1, Int64(bitPattern: slot.number))
            _ = snapshot.withUnsafeBytes {
                sqlite3_bind_blob(insert, 2, $0.baseAddress, Int32($0.count), Self.transient)
            }
            try step(insert)
        }
    }

    /// The latest checkpoint, if any.
    package func latestCheckpoint() throws(StateDatabaseError) -> (slot: Slot, snapshot: Data)? {
        try execute("CREATE TABLE IF NOT EXISTS checkpoints (slot INTEGER PRIMARY KEY, snapshot BLOB NOT NULL)")
        let query = try prepare("SELECT slot, snapshot FROM checkpoints ORDER BY slot DESC LIMIT 1")
        defer { sqlite3_finalize(query) }
        let status = sqlite3_step(query)
        if status == SQLITE_DONE { return nil }
        guard status == SQLITE_ROW else { throw failure() }
        let slot = Slot(UInt64(bitPattern: sqlite3_column_int64(query, 0)))
        let count = Int(sqlite3_column_bytes(query, 1))
        let data = sqlite3_column_blob(query, 1).map { Data(bytes: $0, count: count) } ?? Data()
        return (slot, data)
    }

    /// Removes the EE states recorded after `slot`: a resumed run writes them again.
    package func deleteStates(after slot: Slot) throws(StateDatabaseError) {
        try deleteStates(where: "slot > ?", slot)
    }

    /// Removes the EE states recorded for `slot` and after: a rollback that replays from `slot` writes them again,
    /// so no row of a discarded block survives.
    package func deleteStates(from slot: Slot) throws(StateDatabaseError) {
        try deleteStates(where: "slot >= ?", slot)
    }

    private func deleteStates(where condition: String, _ slot: Slot) throws(StateDatabaseError) {
        for table in ["ee_states", "account_changes"] {
            let delete = try prepare("DELETE FROM \(table) WHERE \(condition)")
            defer { sqlite3_finalize(delete) }
            sqlite3_bind_int64(delete, 1, Int64(bitPattern: slot.number))
            try step(delete)
        }
    }
}

extension StateDatabase {
    /// How many EE states (one per shard per EE) are recorded for `slot`: a resume checks it against the run.
    package func stateCount(slot: Slot) throws(StateDatabaseError) -> Int {
        let query = try prepare("SELECT COUNT(*) FROM ee_states WHERE slot = ?")
        defer { sqlite3_finalize(query) }
        sqlite3_bind_int64(query, 1, Int64(bitPattern: slot.number))
        guard sqlite3_step(query) == SQLITE_ROW else { throw failure() }
        return Int(sqlite3_column_int64(query, 0))
    }
}
