import Beacon
import DequeModule
import Shard

/// One shard during a run: the state of each EE (root and balance), the state provider's full state of the
/// workload EE, the users' pending transactions and the receipts waiting to be processed.
///
/// Owned by the simulation; during a slot only the worker producing this shard's block touches it.
final class ShardNode: @unchecked Sendable {
    let id: ShardID
    /// The state root of each EE, in EE id order.
    var stateRoots: [Root]
    /// The ETH balance of each EE on this shard, in EE id order.
    var balances: [Gwei]
    /// The state provider's full state of the workload EE; its root equals that EE's root.
    var workload: LiveWorkload
    /// Submitted user transactions not yet included, oldest first.
    var mempool: Deque<UserTransaction> = []
    /// Receipts for the workload EE committed by other shards and not yet processed, oldest first.
    var inbox: [Receipt] = []
    /// Receipts this shard processed most recently: what a replay fault tries to claim again.
    var lastClaimedReceipt: Receipt?
    /// The shard's fee market (base fee, relayers' deposits, totals); `nil` when the fee market is off.
    var fees: ShardFeeState?
    /// Draws for fault injection (`faults/shard-N`); untouched when faults are off.
    var faultStream: RandomStream

    init(id: ShardID, stateRoots: [Root], balances: [Gwei], workload: LiveWorkload, faultStream: RandomStream) {
        self.id = id
        self.faultStream = faultStream
        self.stateRoots = stateRoots
        self.balances = balances
        self.workload = workload
    }
}
