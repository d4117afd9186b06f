import Beacon
import Foundation
import RunFormat
import Shard

/// ALL the state of a run between two slots, in one Codable value: what a checkpoint stores and a resumed run
/// starts from.
///
/// Everything the simulation derives from its settings (the EE registry, Zipf tables, the proposer schedule, the
/// block producer) is rebuilt from the scenario; everything that changes during a run is here. Adding state to the
/// simulation means adding it here too — see "Adding state to checkpoints" in `Documentation/LongRuns.md` — and the
/// resume test (a run killed and resumed must end with files identical to an uninterrupted run) catches a field
/// left out.
///
/// Stored as JSON in `state.sqlite`'s `checkpoints` table. Every shard is its ``ShardState`` value; each EE's state
/// is stored in the form its simulated EE gives it (the token EE packs its accounts into `Data`, to keep checkpoints
/// of large networks small), so decoding needs the run's workload EEs, given in ``decode(_:workloads:)``.
struct SimulationSnapshot: Codable, Sendable {
    /// Bumped when the layout changes; a checkpoint of another format is refused rather than misread.
    static let formatVersion = 7

    var format = SimulationSnapshot.formatVersion
    /// The run's seed.
    var seed: UInt64
    /// The last finished slot: the resumed run continues with the next one.
    var slot: UInt64
    /// The engine's clock (µs) and its pending events, in scheduling order.
    var now: UInt64
    var pendingEvents: [PendingEvent]
    /// Every shard, in shard order.
    var nodes: [ShardState]
    /// Each shard's workload random stream, in shard order.
    var workloadStreams: [Stream]
    var nextTransactionID: UInt64
    /// Open cross-shard transfers, by transaction id ascending.
    var openTransfers: [Transfer]
    /// Receipt in flight → the transaction it carries, by receipt id ascending.
    var receiptTransactions: [ReceiptTransaction]
    var genesisTotalGwei: UInt64
    var totals: RunTotals
    /// The beacon chain's latest crosslink per shard (`nil` before a shard's first block).
    var crosslinks: [CrosslinkState?]
    /// The byte length of each output file at the checkpoint (`slots.csv` → bytes): a resumed run truncates them
    /// to these lengths and appends.
    var outputLengths: [String: UInt64]
    /// Each shard's fee-bid random stream, in shard order (empty when the fee market is off).
    var feeStreams: [Stream]
    /// The cross-shard model's held receipts (finality wait, two-phase locks), in the order sent, and the refunds
    /// issued so far (they number the refund receipts).
    var heldReceipts: [Held]
    var refundsIssued: UInt32
    /// The optimistic model's revert draws (`crossshard/reverts`) and orphan draws (`crossshard/orphans`).
    var revertStream: Stream
    var orphanStream: Stream
    /// The optimistic model's record of the slots that can still be reverted, and the output rows it holds back
    /// until they are final (both empty under the other models).
    var history: SlotHistory
    var heldRows: HeldOutputRows
    /// ``Scenario/fingerprint`` of the run's resolved scenario, so a resume refuses an edited `scenario.yaml`
    /// (absent in checkpoints written before it was recorded).
    var scenarioFingerprint: String? = nil

    /// One pending event of the engine.
    struct PendingEvent: Codable, Sendable, Equatable {
        /// `produceBlocks` (value = slot) or `arrival` (value = shard).
        var kind: String
        var value: UInt64
        var time: UInt64
        var priority: Int32
    }

    /// A random stream: its name and generator state.
    struct Stream: Codable, Sendable, Equatable {
        var name: String
        var state: [UInt64]
    }

    /// A receipt held by the cross-shard model.
    struct Held: Codable, Sendable {
        var receipt: ReceiptState
        /// `awaitingFinality` or `locked`.
        var stage: String
        var releaseAfter: UInt64
        /// Two-phase commit: transfer id, sender account, recipient account (absent under finality wait).
        var parties: [UInt64]? = nil
        /// Two-phase commit: the first slot the vote waited for the recipient's lock.
        var waitingSince: UInt64? = nil
    }

    /// A user transaction.
    struct Transaction: Codable, Sendable {
        var id: UInt64
        var sourceShard: UInt16
        var ee: UInt32
        var from: UInt32
        var destinationShard: UInt16
        var destinationEE: UInt32
        var to: UInt32
        var amountGwei: UInt64
        var createdMicros: UInt64
        /// The fee bid, when the fee market is on: max fee and tip per gas (wei) and the relayer.
        var bid: [UInt64]?
    }

    /// A cross-shard receipt.
    struct ReceiptState: Codable, Sendable {
        var sourceShard: UInt16
        var sourceSlot: UInt64
        var index: UInt32
        var sourceEE: UInt32
        var destinationShard: UInt16
        var destinationEE: UInt32
        var amountGwei: UInt64
        var payload: Data
        /// The receipt's prepaid fee (absent: none).
        var prepaidFeeGwei: UInt64?
    }

    /// An open transfer's record.
    struct Transfer: Codable, Sendable {
        var transaction: Transaction
        var includedSlot: UInt64?
        var deliveredSlot: UInt64?
        var deliveredMicros: UInt64?
        var outcome: TransferOutcome
        /// Two-phase commit: blocks a lock held it back so far.
        var lockWaitSlots: UInt64 = 0
    }

    /// A receipt id and its transaction.
    struct ReceiptTransaction: Codable, Sendable {
        var sourceShard: UInt16
        var sourceSlot: UInt64
        var index: UInt32
        var transaction: UInt64
    }

    /// A crosslink.
    struct CrosslinkState: Codable, Sendable {
        var shard: UInt16
        var slot: UInt64
        var blockRoot: Data
        var stateRoots: [Data]
        var receiptRoot: Data
    }

    /// The snapshot as stored in the checkpoints table.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// A snapshot read back from the checkpoints table, for a run whose workload EEs are `workloads`.
    static func decode(_ data: Data, workloads: [SimulationSettings.Workload]) throws -> SimulationSnapshot {
        let decoder = JSONDecoder()
        decoder.userInfo[LiveWorkload.userInfoKey] = Dictionary(uniqueKeysWithValues: workloads.map { ($0.id, $0.ee) })
        return try decoder.decode(SimulationSnapshot.self, from: data)
    }
}
