import Beacon

/// The two-phase commit locks held on one shard: which transfer holds each locked account.
///
/// A lock is exclusive and names an account of one EE on the shard. A transfer locks its sender's account when its
/// source block prepares it (debit and escrow) and its recipient's account when the destination votes commit;
/// `Documentation/CrossShardModels.md` gives the whole protocol. Holders are transaction ids, which are assigned in
/// submission order, so comparing two ids compares the transfers' ages (``LockConflictRule``).
///
/// Kept sorted by (EE, account), so the same locks are always the same bytes in a checkpoint.
struct AccountLocks: Sendable, Codable, Equatable {
    /// One locked account and the transfer holding it.
    struct Entry: Sendable, Codable, Equatable {
        var ee: EEID
        var account: UInt32
        /// The transaction id of the transfer holding the lock.
        var holder: UInt64
    }

    private(set) var entries: [Entry] = []

    /// The transfer holding the lock on `account` of `ee`, or `nil` when the account is free.
    func holder(ee: EEID, account: UInt32) -> UInt64? {
        let index = position(ee: ee, account: account)
        guard index < entries.count, entries[index].ee == ee, entries[index].account == account else { return nil }
        return entries[index].holder
    }

    /// Locks `account` of `ee` for transfer `holder`. The account must be free or already held by `holder`.
    mutating func lock(ee: EEID, account: UInt32, by holder: UInt64) {
        let index = position(ee: ee, account: account)
        if index < entries.count, entries[index].ee == ee, entries[index].account == account {
            precondition(entries[index].holder == holder, "account \(account) of \(ee) is already locked")
            return
        }
        entries.insert(Entry(ee: ee, account: account, holder: holder), at: index)
    }

    /// Releases the lock on `account` of `ee` if `holder` holds it.
    mutating func unlock(ee: EEID, account: UInt32, heldBy holder: UInt64) {
        let index = position(ee: ee, account: account)
        guard index < entries.count, entries[index].ee == ee, entries[index].account == account,
            entries[index].holder == holder
        else { return }
        entries.remove(at: index)
    }

    /// How many accounts are locked.
    var count: Int { entries.count }

    /// The index of the first entry at or after (ee, account).
    private func position(ee: EEID, account: UInt32) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            if (entry.ee.index, entry.account) < (ee.index, account) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
