import Beacon
import Foundation
import Shard

/// How a run ended.
package enum SimulationEnd: Sendable, Equatable {
    /// Every slot ran; the run folder is complete.
    case finished
    /// Stopped on request (Ctrl-C) after `slot`, with a checkpoint there: `shardsim run --resume` continues.
    case interrupted(after: Slot)
}

extension Simulation {
    /// A run resumed from the latest checkpoint in `folder`'s `state.sqlite`, or `nil` when there is none.
    ///
    /// `makeSettings` turns the checkpoint's seed into settings (from the folder's `scenario.yaml`).
    package static func resuming(
        folder: URL, makeSettings: (UInt64) throws(SimulationError) -> SimulationSettings
    ) throws(SimulationError) -> Simulation? {
        let url = folder.appendingPathComponent("state.sqlite")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let stored: (slot: Slot, snapshot: Data)?
        let database: StateDatabase
        do {
            database = try StateDatabase(url: url)
            stored = try database.latestCheckpoint()
        } catch {
            throw .output(url.path, error.description)
        }
        guard let stored else { return nil }
        let header: SnapshotHeader
        do { header = try JSONDecoder().decode(SnapshotHeader.self, from: stored.snapshot) } catch {
            throw .checkpoint(url.path, "the checkpoint after slot \(stored.slot.number) cannot be read: \(error)")
        }
        guard header.format == SimulationSnapshot.formatVersion else {
            throw .checkpoint(
                url.path,
                "checkpoint format \(header.format), this shardsim reads format \(SimulationSnapshot.formatVersion)")
        }
        let settings = try makeSettings(header.seed)
        let snapshot: SimulationSnapshot
        do { snapshot = try SimulationSnapshot.decode(stored.snapshot, workloads: settings.workloads) } catch {
            throw .checkpoint(url.path, "the checkpoint after slot \(stored.slot.number) cannot be read: \(error)")
        }
        guard snapshot.nodes.count == settings.shardCount else {
            throw .checkpoint(
                url.path, "the checkpoint has \(snapshot.nodes.count) shards, scenario.yaml \(settings.shardCount)")
        }
        try ResumeChecks.verify(snapshot, settings: settings, folder: folder, database: database)
        let simulation = Simulation(settings: settings, output: RunOutput(folder: folder), restoring: snapshot)
        simulation.resumedFrom = snapshot
        return simulation
    }

    /// Whether this run writes checkpoints: every run does (under the optimistic model the snapshot holds the slots
    /// a revert can still rewrite and their held output rows).
    package var keepsCheckpoints: Bool { true }

    /// After `slot`: writes a checkpoint when one is due or a stop was requested; returns whether to stop. After the
    /// run's last slot (`isLast`: the last arrival slot without a drain, or the drain's end) there is nothing to
    /// resume, so no checkpoint is written.
    func checkpointIfDue(after slot: Slot, isLast: Bool) throws(SimulationError) -> Bool {
        let stop = stopFlag?.isSet == true && !isLast
        let due = checkpointInterval > 0 && (slot.number + 1) % checkpointInterval == 0 && !isLast
        guard stop || due, let database, let output else { return stop }
        do {
            let data = try snapshot(after: slot, outputLengths: output.lengths).encoded()
            try database.writeCheckpoint(slot: slot, snapshot: data)
        } catch let error as StateDatabaseError {
            throw .output(database.url.path, error.description)
        } catch {
            throw .output(database.url.path, "cannot encode the checkpoint: \(error)")
        }
        return stop
    }

    /// Truncates the CSV files to the checkpoint, reopens them for appending, and brings `state.sqlite` back to the
    /// checkpoint: EE states and account changes of later slots removed.
    func reopenOutputs(at snapshot: SimulationSnapshot) throws(SimulationError) {
        guard let output else { return }
        try output.resume(settings: settings, lengths: snapshot.outputLengths)
        let url = output.folder.appendingPathComponent("state.sqlite")
        do {
            let database = try StateDatabase(url: url)
            try database.transaction { () throws(StateDatabaseError) in
                // Account changes are appended per slot, so the file as of the checkpoint is the file without the
                // slots after it.
                try database.deleteStates(after: Slot(snapshot.slot))
            }
            self.database = database
        } catch {
            throw .output(url.path, error.description)
        }
    }

    /// The state of the run now, between slots.
    func snapshot(after slot: Slot, outputLengths: [String: UInt64]) -> SimulationSnapshot {
        SimulationSnapshot(
            seed: settings.seed, slot: slot.number, now: engine.now,
            pendingEvents: engine.pendingEvents.map {
                .init(event: $0.event, time: $0.key.time, priority: $0.key.priority.value)
            },
            nodes: nodes, nextTransactionID: nextTransactionID, genesisTotal: genesisTotal,
            bookkeeping: bookkeeping, revertStream: revertStream, orphanStream: orphanStream, history: history,
            heldRows: heldRows, outputLengths: outputLengths, scenarioFingerprint: settings.scenario.fingerprint)
    }

    /// Sets every piece of run state from `snapshot` (called by `init` instead of genesis).
    func restore(_ snapshot: SimulationSnapshot) {
        nodes = snapshot.nodes
        nextTransactionID = snapshot.nextTransactionID
        genesisTotal = snapshot.genesisTotal
        bookkeeping = snapshot.bookkeeping
        revertStream = snapshot.revertStream
        orphanStream = snapshot.orphanStream
        history = snapshot.history
        heldRows = snapshot.heldRows
        // Scheduled again in their original order, so ties at one instant pop as they would have.
        for pending in snapshot.pendingEvents {
            engine.schedule(pending.event, at: pending.time, priority: EventPriority(pending.priority))
        }
    }
}

/// The fields of a checkpoint readable before the run's settings exist: its format and seed.
private struct SnapshotHeader: Decodable {
    var format: Int
    var seed: UInt64
}
