import Beacon
import DequeModule
import Shard

/// A copy of everything a ``ShardNode`` holds, taken just before or after one of its blocks: what the optimistic
/// model keeps per shard per recent slot so it can roll a shard back and re-execute it.
///
/// Cheap to take: every field is a value with copy-on-write storage (the workload EE's state included), so a
/// snapshot costs memory only for what changes after it.
struct ShardState: Sendable {
    var stateRoots: [Root]
    var balances: [Gwei]
    var workloads: [LiveWorkload]
    var mempool: Deque<UserTransaction>
    var inbox: [Receipt]
    var lastClaimedReceipt: Receipt?
    var faultStream: RandomStream
    var fees: ShardFeeState?
}

extension ShardState: Equatable {
    /// Two states are equal when a block produced on either would be the same: same roots, workload state,
    /// balances, pending transactions (by id), receipts and fault draws.
    static func == (lhs: ShardState, rhs: ShardState) -> Bool {
        lhs.stateRoots == rhs.stateRoots && lhs.balances == rhs.balances && lhs.workloads == rhs.workloads
            && lhs.mempool.map(\.id) == rhs.mempool.map(\.id) && lhs.inbox == rhs.inbox
            && lhs.lastClaimedReceipt == rhs.lastClaimedReceipt && lhs.faultStream == rhs.faultStream
            && lhs.fees == rhs.fees
    }
}

extension ShardNode {
    /// The node's whole state, as a value; setting it restores a snapshot.
    var state: ShardState {
        get {
            ShardState(
                stateRoots: stateRoots, balances: balances, workloads: workloads, mempool: mempool, inbox: inbox,
                lastClaimedReceipt: lastClaimedReceipt, faultStream: faultStream, fees: fees)
        }
        set {
            stateRoots = newValue.stateRoots
            balances = newValue.balances
            workloads = newValue.workloads
            mempool = newValue.mempool
            inbox = newValue.inbox
            lastClaimedReceipt = newValue.lastClaimedReceipt
            faultStream = newValue.faultStream
            fees = newValue.fees
        }
    }
}
