/// Why a two-phase transfer aborted: it then happened on neither shard (the sender keeps or gets back the amount).
package enum AbortReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The destination produced no block in the vote's slot, so it never voted.
    case noVote = "no_vote"
    /// An account it had to lock was held by an older transfer (wait-die: the younger dies).
    case lockConflict = "lock_conflict"
    /// It waited `crossShard.lockTimeout` slots for a locked account and the account was still locked.
    case lockTimeout = "lock_timeout"

    /// What the reason means, for the data dictionary.
    package var meaning: String {
        switch self {
        case .noVote: "the destination produced no block in the vote's slot, so it never voted"
        case .lockConflict:
            "wait-die: it met a lock held by an older transfer (Documentation/CrossShardModels.md)"
        case .lockTimeout: "it waited crossShard.lockTimeout slots for a locked account, still locked"
        }
    }
}
