import Beacon
import DequeModule
import Shard

/// Everything one shard holds during a run, as one value: each EE's root and balance, the state providers' full
/// state of each workload EE, the users' pending transactions and random draws, the receipts waiting to be
/// processed, the fault draws and the fee market's state.
///
/// A slot's block is a step from this value (and the slot's inputs) to the next value and an outcome
/// (``BlockProducer/produce(_:slot:proposer:)``), so shards run in parallel on values they own, a rollback restores
/// an earlier value, and a checkpoint stores it. Copies are cheap: every field has copy-on-write storage, so a
/// snapshot costs memory only for what changes after it. Decoding one needs the run's workload EEs in the decoder's
/// `userInfo` (``LiveWorkload/userInfoKey``).
struct ShardState: Sendable, Codable {
    var id: ShardID
    /// The state root of each EE, in EE id order.
    var stateRoots: [Root]
    /// The ETH balance of each EE on this shard, in EE id order.
    var balances: [Gwei]
    /// The state providers' full state of each workload EE, in the order of ``SimulationSettings/workloads``; each
    /// one's root equals its EE's root.
    var workloads: [LiveWorkload]
    /// Submitted user transactions not yet included, oldest first.
    var mempool: Deque<UserTransaction> = []
    /// Where the shard's users are in their random streams (arrivals draw from them; blocks never do).
    var draws: UserDraws
    /// Receipts for the workload EEs committed by source blocks and not yet processed, oldest first.
    var inbox: [Receipt] = []
    /// The receipt this shard processed most recently: what a replay fault tries to claim again.
    var lastClaimedReceipt: Receipt?
    /// Draws for fault injection (`faults/shard-N`); untouched when faults are off.
    var faultStream: RandomStream
    /// The shard's fee market (base fee, relayers' deposits, totals); `nil` when the fee market is off.
    var fees: ShardFeeState?
    /// Two-phase commit: the accounts on this shard locked by transfers not yet ended (empty under other models).
    var locks = AccountLocks()
}

extension ShardState: Equatable {
    /// Two states are equal when a block produced on either would be the same: same roots, workload states,
    /// balances, pending transactions (by id), users' draws, receipts, fault draws, fee state and locks.
    static func == (lhs: ShardState, rhs: ShardState) -> Bool {
        lhs.id == rhs.id && lhs.stateRoots == rhs.stateRoots && lhs.balances == rhs.balances
            && lhs.workloads == rhs.workloads && lhs.mempool.map(\.id) == rhs.mempool.map(\.id)
            && lhs.draws == rhs.draws
            && lhs.inbox == rhs.inbox && lhs.lastClaimedReceipt == rhs.lastClaimedReceipt
            && lhs.faultStream == rhs.faultStream && lhs.fees == rhs.fees
            && lhs.locks == rhs.locks
    }
}
