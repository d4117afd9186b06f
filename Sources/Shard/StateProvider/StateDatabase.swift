import Beacon
import CSQLite3
import Foundation

/// The state providers' full state on disk: every account of every (shard, EE) at genesis, every account a block
/// changed in every slot, and each shard's EE roots and balances after every slot, in one SQLite file.
///
/// The in-memory trees are what the simulation reads (for speed); this file is what a researcher can query after
/// (or during) a run, and what a resumed run can start from: ``accounts(shard:ee:throughSlot:)`` rebuilds the
/// accounts as of the end of any finished slot. Writes happen between slots, from one thread, in one transaction
/// per slot, so a killed run leaves the file at the end of a finished slot.
///
/// Changes are appended, never updated in place. An earlier layout upserted the touched accounts into one table
/// keyed by account: a slot's touched accounts are spread over the whole table, so nearly every page of it was
/// rewritten (twice, through the write-ahead log) every slot — 5.5 GB written for the one-hour reference run.
/// Appending rows keyed by slot first writes each page once, at the end of the file.
///
/// Written on the raw C API rather than GRDB: three tables, two hot insert statements, and seconds of build time.
package final class StateDatabase {
    var database: OpaquePointer?
    private var insertGenesis: OpaquePointer?
    private var insertChange: OpaquePointer?
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
            CREATE TABLE IF NOT EXISTS genesis_accounts (
                shard INTEGER NOT NULL, ee INTEGER NOT NULL, account INTEGER NOT NULL,
                address BLOB NOT NULL, balance_gwei INTEGER NOT NULL, nonce INTEGER NOT NULL,
                PRIMARY KEY (shard, ee, account)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS account_changes (
                slot INTEGER NOT NULL, shard INTEGER NOT NULL, ee INTEGER NOT NULL, account INTEGER NOT NULL,
                balance_gwei INTEGER NOT NULL, nonce INTEGER NOT NULL,
                PRIMARY KEY (slot, shard, ee, account)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS ee_states (
                slot INTEGER NOT NULL, shard INTEGER NOT NULL, ee INTEGER NOT NULL,
                state_root BLOB NOT NULL, balance_gwei INTEGER NOT NULL,
                PRIMARY KEY (slot, shard, ee)) WITHOUT ROWID;
            CREATE VIEW IF NOT EXISTS accounts AS
                WITH latest AS (
                    SELECT shard, ee, account, balance_gwei, nonce, MAX(slot) FROM account_changes
                    GROUP BY shard, ee, account)
                SELECT g.shard, g.ee, g.account, g.address,
                    COALESCE(l.balance_gwei, g.balance_gwei) AS balance_gwei, COALESCE(l.nonce, g.nonce) AS nonce
                FROM genesis_accounts g LEFT JOIN latest l USING (shard, ee, account);
            """)
        insertGenesis = try prepare(
            "INSERT OR REPLACE INTO genesis_accounts (shard, ee, account, address, balance_gwei, nonce) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
        insertChange = try prepare(
            "INSERT OR REPLACE INTO account_changes (slot, shard, ee, account, balance_gwei, nonce) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
        insertState = try prepare(
            "INSERT OR REPLACE INTO ee_states (slot, shard, ee, state_root, balance_gwei) VALUES (?, ?, ?, ?, ?)")
    }

    deinit {
        sqlite3_finalize(insertGenesis)
        sqlite3_finalize(insertChange)
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

    /// Writes the accounts of `ee` on `shard` at genesis, addresses included.
    package func writeGenesis(
        accounts: some Sequence<EEAccount>, shard: ShardID, ee: EEID
    ) throws(StateDatabaseError) {
        for account in accounts {
            let index = account.index
            sqlite3_bind_int64(insertGenesis, 1, Int64(shard.index))
            sqlite3_bind_int64(insertGenesis, 2, Int64(ee.index))
            sqlite3_bind_int64(insertGenesis, 3, Int64(index))
            _ = account.address.withUnsafeBytes {
                sqlite3_bind_blob(insertGenesis, 4, $0.baseAddress, Int32($0.count), Self.transient)
            }
            sqlite3_bind_int64(insertGenesis, 5, Int64(bitPattern: account.balance.value))
            sqlite3_bind_int64(insertGenesis, 6, Int64(bitPattern: account.nonce))
            try step(insertGenesis)
        }
    }

    /// Records the balance and nonce of accounts of `ee` on `shard` that `slot`'s block changed.
    ///
    /// Addresses are not repeated: an account's address is set at genesis and no operation changes it.
    package func write(
        accounts: some Sequence<EEAccount>, changedIn slot: Slot, shard: ShardID, ee: EEID
    ) throws(StateDatabaseError) {
        for account in accounts {
            let index = account.index
            sqlite3_bind_int64(insertChange, 1, Int64(bitPattern: slot.number))
            sqlite3_bind_int64(insertChange, 2, Int64(shard.index))
            sqlite3_bind_int64(insertChange, 3, Int64(ee.index))
            sqlite3_bind_int64(insertChange, 4, Int64(index))
            sqlite3_bind_int64(insertChange, 5, Int64(bitPattern: account.balance.value))
            sqlite3_bind_int64(insertChange, 6, Int64(bitPattern: account.nonce))
            try step(insertChange)
        }
    }

    /// Records the state root and balance of `ee` on `shard` after `slot`.
    package func write(stateRoot: Root, balance: Gwei, slot: Slot, shard: ShardID, ee: EEID) throws(StateDatabaseError)
    {
        sqlite3_bind_int64(insertState, 1, Int64(bitPattern: slot.number))
        sqlite3_bind_int64(insertState, 2, Int64(shard.index))
        sqlite3_bind_int64(insertState, 3, Int64(ee.index))
        _ = stateRoot.bytes.withUnsafeBytes {
            sqlite3_bind_blob(insertState, 4, $0.baseAddress, Int32($0.count), Self.transient)
        }
        sqlite3_bind_int64(insertState, 5, Int64(bitPattern: balance.value))
        try step(insertState)
    }

    /// The accounts of `ee` on `shard`, by index, as of the end of `slot` (the latest recorded slot when `nil`):
    /// the genesis accounts with every recorded change up to that slot applied in slot order. With background
    /// accounts (``background(shard:ee:)``), only the stored ones: the active users.
    package func accounts(shard: ShardID, ee: EEID, throughSlot slot: Slot? = nil) throws(StateDatabaseError)
        -> [EEAccount]
    {
        let genesis = try prepare(
            "SELECT account, address, balance_gwei, nonce FROM genesis_accounts WHERE shard = ? AND ee = ? "
                + "ORDER BY account")
        defer { sqlite3_finalize(genesis) }
        sqlite3_bind_int64(genesis, 1, Int64(shard.index))
        sqlite3_bind_int64(genesis, 2, Int64(ee.index))
        var accounts: [EEAccount] = []
        while try row(genesis) {
            let index = UInt32(truncatingIfNeeded: sqlite3_column_int64(genesis, 0))
            let count = Int(sqlite3_column_bytes(genesis, 1))
            let address =
                sqlite3_column_blob(genesis, 1).map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
            accounts.append(
                EEAccount(
                    index: index, address: address,
                    balance: Gwei(UInt64(bitPattern: sqlite3_column_int64(genesis, 2))),
                    nonce: UInt64(bitPattern: sqlite3_column_int64(genesis, 3))))
        }
        // Where each account is in `accounts`: at its index, unless some are left out (background accounts).
        let dense = accounts.indices.allSatisfy { accounts[$0].index == UInt32(truncatingIfNeeded: $0) }
        let positions =
            dense ? [:] : Dictionary(uniqueKeysWithValues: accounts.indices.map { (accounts[$0].index, $0) })
        func position(_ index: Int64) -> Int? {
            guard let index = UInt32(exactly: index) else { return nil }
            return dense ? (Int(index) < accounts.count ? Int(index) : nil) : positions[index]
        }
        let changes = try prepare(
            "SELECT account, balance_gwei, nonce FROM account_changes WHERE shard = ? AND ee = ? AND slot <= ? "
                + "ORDER BY slot")
        defer { sqlite3_finalize(changes) }
        sqlite3_bind_int64(changes, 1, Int64(shard.index))
        sqlite3_bind_int64(changes, 2, Int64(ee.index))
        sqlite3_bind_int64(changes, 3, slot.map { Int64(bitPattern: $0.number) } ?? Int64.max)
        while try row(changes) {
            let index = sqlite3_column_int64(changes, 0)
            guard let position = position(index) else {
                throw StateDatabaseError(path: url.path, message: "a change names account \(index), not in genesis")
            }
            accounts[position].balance = Gwei(UInt64(bitPattern: sqlite3_column_int64(changes, 1)))
            accounts[position].nonce = UInt64(bitPattern: sqlite3_column_int64(changes, 2))
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

    /// Steps a query: `true` with a row to read, `false` when it is done.
    private func row(_ statement: OpaquePointer?) throws(StateDatabaseError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure()
        }
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
