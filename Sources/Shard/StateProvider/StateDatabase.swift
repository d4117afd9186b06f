import Beacon
import CSQLite3
import Foundation

/// The state providers' full state on disk: every account of every (shard, EE), and each shard's EE roots and
/// balances after every slot, in one SQLite file.
///
/// The in-memory trees are what the simulation reads (for speed); this file is what a researcher can query after
/// (or during) a run, and what a resumed run can start from. Writes happen between slots, from one thread, in one
/// transaction per slot, so a killed run leaves the file at the end of a finished slot.
///
/// Written on the raw C API rather than GRDB: one table, one hot upsert statement, and seconds of build time.
package final class StateDatabase {
    var database: OpaquePointer?
    private var upsertAccount: OpaquePointer?
    private var insertState: OpaquePointer?
    /// The file.
    package let url: URL

    /// Opens (creating if needed) the database at `url`.
    ///
    /// - Throws: ``StateDatabaseError`` naming the file and SQLite's message.
    package init(url: URL) throws(StateDatabaseError) {
        self.url = url
        guard sqlite3_open_v2(url.path, &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(database)
            database = nil
            throw StateDatabaseError(path: url.path, message: message)
        }
        try execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS accounts (
                shard INTEGER NOT NULL, ee INTEGER NOT NULL, account INTEGER NOT NULL,
                address BLOB NOT NULL, balance_gwei INTEGER NOT NULL, nonce INTEGER NOT NULL,
                PRIMARY KEY (shard, ee, account)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS ee_states (
                slot INTEGER NOT NULL, shard INTEGER NOT NULL, ee INTEGER NOT NULL,
                state_root BLOB NOT NULL, balance_gwei INTEGER NOT NULL,
                PRIMARY KEY (slot, shard, ee)) WITHOUT ROWID;
            """)
        upsertAccount = try prepare(
            "INSERT OR REPLACE INTO accounts (shard, ee, account, address, balance_gwei, nonce) VALUES (?, ?, ?, ?, ?, ?)")
        insertState = try prepare(
            "INSERT OR REPLACE INTO ee_states (slot, shard, ee, state_root, balance_gwei) VALUES (?, ?, ?, ?, ?)")
    }

    deinit {
        sqlite3_finalize(upsertAccount)
        sqlite3_finalize(insertState)
        sqlite3_close(database)
    }

    /// Runs `body` in one transaction; rolls back if it throws.
    package func transaction(_ body: () throws(StateDatabaseError) -> Void) throws(StateDatabaseError) {
        try execute("BEGIN")
        do {
            try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        try execute("COMMIT")
    }

    /// Writes (or overwrites) accounts of `ee` on `shard`.
    package func write(accounts: some Sequence<(index: UInt32, account: TokenAccount)>, shard: ShardID, ee: EEID)
        throws(StateDatabaseError)
    {
        for (index, account) in accounts {
            sqlite3_bind_int64(upsertAccount, 1, Int64(shard.index))
            sqlite3_bind_int64(upsertAccount, 2, Int64(ee.index))
            sqlite3_bind_int64(upsertAccount, 3, Int64(index))
            _ = account.address.withUnsafeBytes {
                sqlite3_bind_blob(upsertAccount, 4, $0.baseAddress, Int32($0.count), Self.transient)
            }
            sqlite3_bind_int64(upsertAccount, 5, Int64(bitPattern: account.balance.value))
            sqlite3_bind_int64(upsertAccount, 6, Int64(bitPattern: account.nonce))
            try step(upsertAccount)
        }
    }

    /// Records the state root and balance of `ee` on `shard` after `slot`.
    package func write(stateRoot: Root, balance: Gwei, slot: Slot, shard: ShardID, ee: EEID) throws(StateDatabaseError) {
        sqlite3_bind_int64(insertState, 1, Int64(bitPattern: slot.number))
        sqlite3_bind_int64(insertState, 2, Int64(shard.index))
        sqlite3_bind_int64(insertState, 3, Int64(ee.index))
        _ = stateRoot.bytes.withUnsafeBytes {
            sqlite3_bind_blob(insertState, 4, $0.baseAddress, Int32($0.count), Self.transient)
        }
        sqlite3_bind_int64(insertState, 5, Int64(bitPattern: balance.value))
        try step(insertState)
    }

    /// The accounts of `ee` on `shard`, by index, as stored.
    package func accounts(shard: ShardID, ee: EEID) throws(StateDatabaseError) -> [TokenAccount] {
        let query = try prepare(
            "SELECT address, balance_gwei, nonce FROM accounts WHERE shard = ? AND ee = ? ORDER BY account")
        defer { sqlite3_finalize(query) }
        sqlite3_bind_int64(query, 1, Int64(shard.index))
        sqlite3_bind_int64(query, 2, Int64(ee.index))
        var accounts: [TokenAccount] = []
        while true {
            let status = sqlite3_step(query)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw failure() }
            let count = Int(sqlite3_column_bytes(query, 0))
            let address = sqlite3_column_blob(query, 0).map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
            accounts.append(
                TokenAccount(
                    address: address, balance: Gwei(UInt64(bitPattern: sqlite3_column_int64(query, 1))),
                    nonce: UInt64(bitPattern: sqlite3_column_int64(query, 2))))
        }
        return accounts
    }

    // MARK: - SQLite plumbing (internal so facets in other files, e.g. checkpoints, can use it)

    /// SQLite copies bound blobs (the C macro `SQLITE_TRANSIENT` does not import into Swift).
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func execute(_ sql: String) throws(StateDatabaseError) {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    func prepare(_ sql: String) throws(StateDatabaseError) -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
        return statement
    }

    func step(_ statement: OpaquePointer?) throws(StateDatabaseError) {
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw failure() }
    }

    func failure() -> StateDatabaseError {
        StateDatabaseError(path: url.path, message: database.map { String(cString: sqlite3_errmsg($0)) } ?? "closed")
    }
}

/// A state database could not be opened, read or written.
package struct StateDatabaseError: Error, CustomStringConvertible, Sendable {
    /// The database file.
    package let path: String
    /// SQLite's message.
    package let message: String

    package var description: String { "state database '\(path)': \(message)" }
}
