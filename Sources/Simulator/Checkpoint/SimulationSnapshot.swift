import Beacon
import Foundation
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
    static let formatVersion = 8

    var format = SimulationSnapshot.formatVersion
    /// The run's seed.
    var seed: UInt64
    /// The last finished slot: the resumed run continues with the next one.
    var slot: UInt64
    /// The engine's clock and its pending events, in scheduling order.
    var now: SimTime
    var pendingEvents: [PendingEvent]
    /// Every shard, in shard order: its EEs, mempool, inbox, users' draws, fee state and locks.
    var nodes: [ShardState]
    var nextTransactionID: UInt64
    var genesisTotal: Gwei
    /// Totals, open transfers, receipts in flight, crosslinks and the cross-shard model's held receipts.
    var bookkeeping: RunBookkeeping
    /// The optimistic model's revert draws (`crossshard/reverts`) and orphan draws (`crossshard/orphans`).
    var revertStream: RandomStream
    var orphanStream: RandomStream
    /// The optimistic model's record of the slots that can still be reverted, and the output rows it holds back
    /// until they are final (both empty under the other models).
    var history: SlotHistory
    var heldRows: HeldOutputRows
    /// The byte length of each output file at the checkpoint (`slots.csv` → bytes): a resumed run truncates them
    /// to these lengths and appends.
    var outputLengths: [String: UInt64]
    /// ``Scenario/fingerprint`` of the run's resolved scenario, so a resume refuses an edited `scenario.yaml`.
    var scenarioFingerprint: String

    /// One pending event of the engine: the event, and the time and priority it was scheduled with (its place in
    /// the queue's order is its place in ``pendingEvents``).
    struct PendingEvent: Codable, Sendable {
        var event: SimulationEvent
        var time: SimTime
        var priority: Int32
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
