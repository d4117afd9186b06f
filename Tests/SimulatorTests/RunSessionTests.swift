import Beacon
import Foundation
import Scenarios
import Testing

@testable import Shard
@testable import Simulator

/// A run folder is never silently replaced or corrupted: a new run refuses a folder holding a run, `--force`
/// removes only a run's files, a resume refuses a folder that no longer matches its checkpoint (and changes
/// nothing), and `run.json` says how the run ended.
@Suite(.serialized) struct RunSessionTests {
    static func scenario(_ extra: String = "") throws -> Scenario {
        try SimulationFixtures.scenario(shards: 2, slots: 6, accounts: 8, transactionsPerSlot: 2, extra: extra)
    }

    /// A run of `scenario` into `folder`, stopped after slot `stopAfter` (with a checkpoint every 2 slots).
    static func interruptedRun(_ scenario: Scenario, folder: URL, stopAfter: UInt64) throws {
        let session = try RunSession.start(
            scenario: scenario, seed: 1, folder: folder, threads: 1, checkpointEvery: 2, replacing: false)
        let stop = StopFlag()
        session.simulation.stopFlag = stop
        let end = try session.simulation.run { if $0.slot.number >= stopAfter { stop.set() } }
        #expect(end == .interrupted(after: Slot(stopAfter)))
    }

    /// Every file of `folder` and its bytes.
    static func contents(_ folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return try Dictionary(
            uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
    }

    static func status(_ folder: URL) -> String? { RunFolderManifest(folder: folder)?.status }

    @Test("A new run refuses a folder holding a finished or an interrupted run, and changes nothing in it")
    func refusesFolderWithRun() throws {
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.interruptedRun(try Self.scenario(), folder: folder, stopAfter: 2)
        #expect(Self.status(folder) == "stopped")
        let before = try Self.contents(folder)
        let scenario = try Self.scenario()
        do {
            _ = try RunSession.start(
                scenario: scenario, seed: 2, folder: folder, threads: 1, checkpointEvery: 2, replacing: false)
            Issue.record("a second run was allowed into the folder")
        } catch {
            #expect(error.isInput)
            #expect(error.description.contains("--resume") && error.description.contains("--force"))
        }
        #expect(try Self.contents(folder) == before)
    }

    @Test("--force removes only the files a run writes: a stale fees.csv and report go, the user's files stay")
    func forceRemovesOnlyRunFiles() throws {
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["fees.csv", "report.md", "notes.txt", "run.json"] {
            try Data("from an earlier scenario\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data(#"{"status": "finished", "seed": 7}"#.utf8).write(to: folder.appendingPathComponent("run.json"))
        let session = try RunSession.start(
            scenario: try Self.scenario(), seed: 1, folder: folder, threads: 1, checkpointEvery: 2, replacing: true)
        #expect(try session.run() == .finished)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(!names.contains("fees.csv") && !names.contains("report.md"))
        #expect(names.contains("notes.txt"))
        #expect(Self.status(folder) == "finished")
    }

    @Test("A resume continues a stopped run with its own checkpoint interval and threads")
    func resumeKeepsOptions() throws {
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.interruptedRun(try Self.scenario(), folder: folder, stopAfter: 3)
        guard case .resuming(let session) = try RunSession.resume(folder: folder, threads: nil, checkpointEvery: nil)
        else {
            Issue.record("nothing to resume")
            return
        }
        #expect(session.origin == .checkpoint(slot: 3))
        #expect(session.simulation.checkpointInterval == 2)
        #expect(session.simulation.settings.threads == 1)
        #expect(try session.run() == .finished)
        #expect(Self.status(folder) == "finished")
    }

    /// Ways a stopped run's folder can stop matching its checkpoint.
    static let damages: [(name: String, damage: @Sendable (URL) throws -> Void, says: String)] = [
        (
            "an edited scenario.yaml",
            { folder in
                let url = folder.appendingPathComponent("scenario.yaml")
                let text = try String(contentsOf: url, encoding: .utf8)
                try text.replacingOccurrences(of: "accountsPerShard: 8", with: "accountsPerShard: 9")
                    .write(to: url, atomically: true, encoding: .utf8)
            }, "was changed after the checkpoint"
        ),
        (
            "a truncated slots.csv",
            { folder in
                let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("slots.csv"))
                try handle.truncate(atOffset: 200)
                try handle.close()
            }, "fewer than"
        ),
        (
            "a slots.csv whose last row was changed",
            { folder in
                let url = folder.appendingPathComponent("slots.csv")
                var data = try Data(contentsOf: url)
                let newline = data.lastIndex(of: UInt8(ascii: "\n"))!
                data[newline] = UInt8(ascii: "x")
                try data.write(to: url)
            }, "does not end a row"
        ),
        (
            "a state.sqlite without the checkpoint slot's states",
            { folder in
                let database = try StateDatabase(url: folder.appendingPathComponent("state.sqlite"))
                try database.execute("DELETE FROM ee_states WHERE slot = 3")
            }, "EE states for slot 3"
        ),
    ]

    @Test(
        "A resume refuses a folder that no longer matches its checkpoint, and changes nothing",
        arguments: damages.indices)
    func resumeRefusesDamage(_ index: Int) throws {
        let damage = Self.damages[index]
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.interruptedRun(try Self.scenario(), folder: folder, stopAfter: 3)
        try damage.damage(folder)
        let before = try Self.contents(folder).filter { $0.key != FolderLock.fileName }
        do {
            _ = try RunSession.resume(folder: folder, threads: nil, checkpointEvery: nil)
            Issue.record("\(damage.name): resumed")
        } catch {
            #expect(error.description.contains(damage.says), "\(damage.name): \(error)")
            #expect(error.isInput, "\(damage.name): a damaged folder is bad input (exit status 2)")
        }
        #expect(try Self.contents(folder).filter { $0.key != FolderLock.fileName } == before, "\(damage.name)")
    }

    @Test("A folder without run.json (killed during genesis) has nothing to resume, and says so")
    func nothingToResume() throws {
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            _ = try RunSession.resume(folder: folder, threads: nil, checkpointEvery: nil)
            Issue.record("resumed an empty folder")
        } catch {
            #expect(error.isInput && error.description.contains("nothing to resume"))
        }
    }

    @Test("A run that fails says failed in run.json, with the error")
    func failedStatus() throws {
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = try SimulationSettings(scenario: try Self.scenario(), seed: 1, threads: 1)
        let simulation = Simulation(settings: settings, output: RunOutput(folder: folder))
        // A fault injected after slot 0: the recorded genesis total no longer matches, so the conservation check
        // after slot 1 stops the run with a real error.
        #expect(throws: SimulationError.self) {
            try simulation.run { if $0.slot.number == 0 { simulation.genesisTotal = Gwei(1) } }
        }
        let manifest = RunFolderManifest(folder: folder)
        #expect(manifest?.status == "failed")
        #expect(manifest?.error?.contains("conservation violated after slot 1") == true)
        #expect(simulation.hasWrittenSlots)
    }
}
