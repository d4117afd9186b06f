import Beacon
import RunFormat

/// The proposer's side of two-phase locking: which pending transactions a block may include while accounts are
/// locked, and what the conflict rule does with the others.
///
/// A user transaction writes its sender's account and, for a transfer on the shard within one EE, its
/// recipient's; it may be included only when no other transfer holds the lock on either. A cross-shard send the
/// block includes locks its sender for the rest of the block too (the state provider's tentative lock; the lock is
/// kept only if the EE applies the send). On a conflict ``LockConflictRule`` decides: wait in the mempool for the
/// next block, or abort (removed from the mempool; nothing was debited, so nothing is refunded).
struct LockScreen {
    /// A transaction aborted by the rule before its block prepared it.
    struct Abort: Sendable, Codable {
        var transaction: UserTransaction
        var reason: AbortReason
    }

    let slot: Slot
    let timeoutSlots: UInt64
    /// The shard's locks, plus the tentative locks of the sends chosen so far.
    private var locks: AccountLocks
    /// Transactions held back by a lock in this block, by id.
    private(set) var waiting: [UInt64] = []
    /// Transactions the rule aborted.
    private(set) var aborted: [Abort] = []

    init(locks: AccountLocks, slot: Slot, timeoutSlots: UInt64) {
        self.locks = locks
        self.slot = slot
        self.timeoutSlots = timeoutSlots
    }

    /// Whether `transaction` may go in the block; when not, it is recorded as waiting or aborted.
    mutating func admit(_ transaction: UserTransaction) -> Bool {
        var written = [transaction.from]
        if !transaction.sendsReceipt { written.append(transaction.to) }
        for account in written {
            guard let holder = locks.holder(ee: transaction.ee, account: account), holder != transaction.id else {
                continue
            }
            switch LockConflictRule.verdict(
                requester: transaction.id, holder: holder, waitingSince: transaction.lockWaitingSince?.number,
                now: slot.number, timeout: timeoutSlots)
            {
            case .wait: waiting.append(transaction.id)
            case .die: aborted.append(Abort(transaction: transaction, reason: .lockConflict))
            case .timeout: aborted.append(Abort(transaction: transaction, reason: .lockTimeout))
            }
            return false
        }
        return true
    }

    /// Records that the block took `transaction`: a send locks its sender for the transactions after it.
    mutating func took(_ transaction: UserTransaction) {
        guard transaction.sendsReceipt else { return }
        locks.lock(ee: transaction.ee, account: transaction.from, by: transaction.id)
    }

    /// Applies the verdicts to the mempool: aborted transactions leave it, waiting ones remember since when they
    /// wait (for the timeout).
    func apply(to mempool: inout some RangeReplaceableCollection<UserTransaction> & MutableCollection) {
        let gone = Set(aborted.map(\.transaction.id))
        if !gone.isEmpty { mempool.removeAll { gone.contains($0.id) } }
        let held = Set(waiting)
        guard !held.isEmpty else { return }
        for index in mempool.indices where held.contains(mempool[index].id) && mempool[index].lockWaitingSince == nil {
            mempool[index].lockWaitingSince = slot
        }
    }
}
