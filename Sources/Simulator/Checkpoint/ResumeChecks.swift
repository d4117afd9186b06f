import Beacon
import Foundation
import Shard

/// What a resume checks in the run folder before it changes anything: the scenario is the one the checkpoint was
/// written for, every CSV file still holds the rows the checkpoint counted (and ends on a row boundary there), and
/// `state.sqlite` has every shard's EE states for the checkpoint's slot.
///
/// Without these checks an edited `scenario.yaml` gave a silent hybrid run, and a truncated CSV file was extended
/// with NUL bytes up to the checkpoint's length.
enum ResumeChecks {
    /// Throws the first problem found, naming the file and what is wrong.
    static func verify(
        _ snapshot: SimulationSnapshot, settings: SimulationSettings, folder: URL, database: StateDatabase
    ) throws(SimulationError) {
        let scenarioPath = folder.appendingPathComponent("scenario.yaml").path
        if snapshot.scenarioFingerprint != settings.scenario.fingerprint {
            throw SimulationError(
                .checkpoint, at: .init(path: scenarioPath),
                "\(scenarioPath) was changed after the checkpoint of slot \(snapshot.slot) was written "
                    + "(its fields differ from those the run started with); restore it, or start a new run with "
                    + "`shardsim run SCENARIO --out \(folder.path) --force`")
        }
        for (file, length) in snapshot.outputLengths.sorted(by: { $0.key < $1.key }) {
            try verifyRows(folder.appendingPathComponent(file), length: length, slot: snapshot.slot)
        }
        let expected = settings.shardCount * settings.ees.count
        let found: Int
        do { found = try database.stateCount(slot: Slot(snapshot.slot)) } catch {
            throw .output(database.url.path, error.description)
        }
        guard found == expected else {
            throw SimulationError(
                .checkpoint, at: .init(path: database.url.path),
                "\(database.url.path) holds \(found) EE states for slot \(snapshot.slot), the slot of its "
                    + "checkpoint, where \(expected) were written (\(settings.shardCount) shards × "
                    + "\(settings.ees.count) EEs); the database does not match its checkpoint, so the run cannot resume"
            )
        }
    }

    /// Checks that `url` is at least `length` bytes long and that byte `length − 1` ends a row.
    private static func verifyRows(_ url: URL, length: UInt64, slot: UInt64) throws(SimulationError) {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SimulationError(
                .checkpoint, at: .init(path: url.path),
                "\(url.path) is missing; the checkpoint of slot \(slot) counts \(length) bytes in it")
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        guard size >= length else {
            throw SimulationError(
                .checkpoint, at: .init(path: url.path),
                "\(url.path) holds \(size) bytes, fewer than the \(length) the checkpoint of slot \(slot) "
                    + "counts: rows the run wrote are missing, so it cannot resume without losing them")
        }
        guard length > 0 else { return }
        let last = (try? handle.seek(toOffset: length - 1)).flatMap { try? handle.read(upToCount: 1) }
        guard last == Data([UInt8(ascii: "\n")]) else {
            throw SimulationError(
                .checkpoint, at: .init(path: url.path),
                "\(url.path): byte \(length) (where the checkpoint of slot \(slot) says its rows end) "
                    + "does not end a row; the file was changed after the checkpoint, so the run cannot resume")
        }
    }
}
