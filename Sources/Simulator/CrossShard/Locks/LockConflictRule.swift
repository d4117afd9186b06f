/// What a transfer does when an account it must lock is held by another: wait-die by submission time.
///
/// An older transfer (submitted earlier: a smaller transaction id) waits for a younger holder; a younger one dies
/// (aborts at once). Waits only ever go from older to younger transfers, so no cycle of waits (a deadlock) can
/// form. A transfer that has waited `timeout` slots and still finds the account locked aborts too, which bounds
/// how long an old transfer can be held up behind a chain of younger ones.
enum LockConflictRule {
    /// The rule's verdict for one conflict.
    enum Verdict: Sendable, Equatable {
        /// Try again with the next block.
        case wait
        /// Abort: the requester is younger than the holder.
        case die
        /// Abort: the requester has waited the whole lock timeout.
        case timeout
    }

    /// The verdict for transfer `requester` finding an account held by `holder`, having first waited in slot
    /// `waitingSince` (`nil`: this is its first conflict), now in slot `now`, with a timeout of `timeout` slots.
    static func verdict(
        requester: UInt64, holder: UInt64, waitingSince: UInt64?, now: UInt64, timeout: UInt64
    ) -> Verdict {
        guard requester < holder else { return .die }
        let waited = now - min(now, waitingSince ?? now)
        return waited >= timeout ? .timeout : .wait
    }
}
