import Beacon
import DequeModule
import Shard

/// One shard during a run: the state of each EE (root and balance), the state providers' full state of each
/// workload EE, the users' pending transactions and the receipts waiting to be processed.
///
/// Owned by the simulation; during a slot only the worker producing this shard's block touches it.
final class ShardNode: @unchecked Sendable {
    let id: ShardID
    /// The state root of each EE, in EE id order.
    var stateRoots: [Root]
    /// The ETH balance of each EE on this shard, in EE id order.
    var balances: [Gwei]
    /// The state providers' full state of each workload EE, in the order of ``SimulationSettings/workloads``; each
    /// one's root equals its EE's root.
    var workloads: [LiveWorkload]
    /// Submitted user transactions not yet included, oldest first.
    var mempool: Deque<UserTransaction> = []
    /// Receipts for the workload EEs committed by source blocks and not yet processed, oldest first.
    var inbox: [Receipt] = []
    /// Receipts this shard processed most recently: what a replay fault tries to claim again.
    var lastClaimedReceipt: Receipt?
    /// The shard's fee market (base fee, relayers' deposits, totals); `nil` when the fee market is off.
    var fees: ShardFeeState?
    /// Draws for fault injection (`faults/shard-N`); untouched when faults are off.
    var faultStream: RandomStream

    init(id: ShardID, stateRoots: [Root], balances: [Gwei], workloads: [LiveWorkload], faultStream: RandomStream) {
        self.id = id
        self.faultStream = faultStream
        self.stateRoots = stateRoots
        self.balances = balances
        self.workloads = workloads
    }
}
