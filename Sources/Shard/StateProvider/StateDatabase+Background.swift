import Beacon
import CSQLite3

/// Background accounts (``BackgroundAccounts``): one row per (shard, EE) that has them, in table
/// `background_accounts`, created only by runs that have background accounts. `genesis_accounts` then holds only
/// the active users; every other account below `account_count` is the EE's background account of `seed` holding
/// `balance_gwei`, described in words in `description` (for the token EE, `Documentation/TokenEE.md`).
extension StateDatabase {
    /// Records that `ee` on `shard` has `background` accounts, described by `description`.
    package func writeBackground(
        _ background: BackgroundAccounts, description: String, shard: ShardID, ee: EEID
    ) throws(StateDatabaseError) {
        try execute(
            """
            CREATE TABLE IF NOT EXISTS background_accounts (
                shard INTEGER NOT NULL, ee INTEGER NOT NULL, account_count INTEGER NOT NULL, seed INTEGER NOT NULL,
                balance_gwei INTEGER NOT NULL, description TEXT NOT NULL,
                PRIMARY KEY (shard, ee)) WITHOUT ROWID
            """)
        let insert = try prepare(
            "INSERT OR REPLACE INTO background_accounts (shard, ee, account_count, seed, balance_gwei, description) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
        defer { sqlite3_finalize(insert) }
        sqlite3_bind_int64(insert, 1, Int64(shard.index))
        sqlite3_bind_int64(insert, 2, Int64(ee.index))
        sqlite3_bind_int64(insert, 3, Int64(background.accountCount))
        sqlite3_bind_int64(insert, 4, Int64(bitPattern: background.seed))
        sqlite3_bind_int64(insert, 5, Int64(bitPattern: background.balance.value))
        sqlite3_bind_text(insert, 6, description, -1, Self.transient)
        try step(insert)
    }

    /// The background accounts of `ee` on `shard`, or `nil` when it has none (every account is in
    /// `genesis_accounts`).
    package func background(shard: ShardID, ee: EEID) throws(StateDatabaseError) -> BackgroundAccounts? {
        let exists = try prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'background_accounts'")
        defer { sqlite3_finalize(exists) }
        guard sqlite3_step(exists) == SQLITE_ROW else { return nil }
        let query = try prepare(
            "SELECT account_count, seed, balance_gwei FROM background_accounts WHERE shard = ? AND ee = ?")
        defer { sqlite3_finalize(query) }
        sqlite3_bind_int64(query, 1, Int64(shard.index))
        sqlite3_bind_int64(query, 2, Int64(ee.index))
        guard sqlite3_step(query) == SQLITE_ROW else { return nil }
        return BackgroundAccounts(
            accountCount: Int(sqlite3_column_int64(query, 0)), seed: UInt64(bitPattern: sqlite3_column_int64(query, 1)),
            balance: Gwei(UInt64(bitPattern: sqlite3_column_int64(query, 2))))
    }
}
