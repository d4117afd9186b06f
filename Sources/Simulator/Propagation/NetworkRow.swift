import Beacon
import Foundation

/// One shard's slot as the network saw it: a row of `network.csv`.
struct NetworkRow: Sendable, Codable {
    /// What became of the slot's block.
    enum Outcome: String, Sendable, Codable {
        /// 2/3 of the committee had it by the deadline, and it executed: crosslinked.
        case crosslinked
        /// Too few of the committee had it by the deadline: discarded, its transactions back in the mempool.
        case orphaned
        /// The proposer was offline: no block.
        case missed
        /// Its execution failed as a whole, so there was nothing to crosslink (whatever the network did).
        case failed
    }

    var slot: Slot
    var shard: ShardID
    var proposer: ValidatorIndex?
    var outcome: Outcome
    /// Bytes of the block sent over the network: every workload EE's block data, witnesses included.
    var blockBytes: Int
    /// The propagation, or `nil` when there was no block.
    var delivery: BlockDelivery?
    var committee: Int
}
