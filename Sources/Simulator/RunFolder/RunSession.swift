import Dispatch
import Foundation
import Scenarios

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run that owns its folder: started fresh or resumed, locked against other processes for as long as the value
/// lives, stopped cleanly by Ctrl-C.
///
/// `shardsim run` is this type plus argument parsing. A fresh run refuses a folder that already holds a run unless
/// asked to replace it (and then removes only a run's files); a resume checks the folder before changing anything
/// and keeps the thread count and checkpoint interval the run started with.
package final class RunSession {
    /// The simulation, ready to run.
    package let simulation: Simulation
    /// The run folder.
    package let folder: URL
    /// How the session began, for the line the tool prints.
    package let origin: Origin
    /// Held until the session is released; no other process can write the folder meanwhile.
    private let lock: FolderLock
    /// The figures of the run once ``run(progress:)`` has returned.
    package private(set) var summary: RunEndSummary?

    /// How a session began.
    package enum Origin: Equatable, Sendable {
        /// A new run.
        case fresh
        /// Continued from the checkpoint after `slot`.
        case checkpoint(slot: UInt64)
        /// The folder had no checkpoint yet (killed before the first): the run starts again from genesis.
        case genesis
    }

    private init(simulation: Simulation, folder: URL, origin: Origin, lock: FolderLock) {
        self.simulation = simulation
        self.folder = folder
        self.origin = origin
        self.lock = lock
    }

    /// A new run of `scenario` with `seed` in `folder`.
    ///
    /// - Parameter replacing: remove the files of a run already in `folder` (`--force`) instead of refusing.
    /// - Throws: ``RunSessionError``: the folder is locked or holds a run, or the scenario cannot run.
    package static func start(
        scenario: Scenario, seed: UInt64, folder: URL, threads: Int?, checkpointEvery: UInt64, replacing: Bool
    ) throws(RunSessionError) -> RunSession {
        let lock = try lockFolder(folder)
        if case .run(let status) = RunFolderContents.state(of: folder) {
            guard replacing else { throw .holdsRun(folder: folder, status: status) }
            do { try RunFolderContents.removeRun(from: folder) } catch { throw .failure(error.description) }
        }
        do {
            let settings = try SimulationSettings(scenario: scenario, seed: seed, threads: threads)
            let simulation = Simulation(settings: settings, output: RunOutput(folder: folder))
            simulation.checkpointInterval = checkpointEvery
            return RunSession(simulation: simulation, folder: folder, origin: .fresh, lock: lock)
        } catch {
            throw .failure(error.description)
        }
    }

    /// What a resume found.
    package enum Resumption {
        /// A session that continues the run.
        case resuming(RunSession)
        /// The folder holds a finished run: nothing to do.
        case finished
    }

    /// Continues the run in `folder` from its last checkpoint (or from genesis when it was killed before one).
    ///
    /// - Parameters:
    ///   - threads: worker threads; by default those the run started with.
    ///   - checkpointEvery: slots between checkpoints; by default the run's own interval.
    /// - Throws: ``RunSessionError`` when there is nothing to resume, the folder is locked, or the folder does not
    ///   match its checkpoint (then nothing in it has changed).
    package static func resume(
        folder: URL, threads: Int?, checkpointEvery: UInt64?
    ) throws(RunSessionError) -> Resumption {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .input("\(folder.path): no such run folder, so there is nothing to resume") }
        let lock = try lockFolder(folder)
        guard let manifest = RunFolderManifest(folder: folder) else {
            throw .input(
                "\(folder.path): nothing to resume: it holds no run.json, so the run never finished genesis (or this "
                    + "is not a run folder); start it again with `shardsim run SCENARIO --out \(folder.path) --force`")
        }
        if manifest.isFinished { return .finished }
        let scenarioURL = folder.appendingPathComponent("scenario.yaml")
        let scenario: Scenario
        do { scenario = try Scenario.load(contentsOf: scenarioURL, displayName: scenarioURL.path) } catch {
            throw .input(error.description)
        }
        let threads = threads ?? manifest.threads
        let interval = checkpointEvery ?? manifest.checkpointEvery ?? defaultCheckpointInterval
        do {
            let simulation: Simulation
            let origin: Origin
            if let resumed = try Simulation.resuming(
                folder: folder,
                makeSettings: { seed throws(SimulationError) in
                    try SimulationSettings(scenario: scenario, seed: seed, threads: threads)
                })
            {
                simulation = resumed
                origin = .checkpoint(slot: resumed.resumedFrom?.slot ?? 0)
            } else {
                let settings = try SimulationSettings(scenario: scenario, seed: manifest.seed, threads: threads)
                simulation = Simulation(settings: settings, output: RunOutput(folder: folder))
                origin = .genesis
            }
            simulation.checkpointInterval = interval
            return .resuming(RunSession(simulation: simulation, folder: folder, origin: origin, lock: lock))
        } catch {
            // A folder that no longer matches its checkpoint (an edited scenario, a truncated file) is bad input.
            throw error.kind == .checkpoint ? .input(error.description) : .failure(error.description)
        }
    }

    /// Slots between checkpoints when neither the command line nor the run folder says.
    package static let defaultCheckpointInterval: UInt64 = 10

    /// Runs the simulation; the first Ctrl-C asks it to stop after the current slot (with a checkpoint) instead of
    /// killing it mid-write.
    ///
    /// - Throws: ``SimulationError`` from the run; `run.json` then says `failed`, with the error.
    package func run(progress: ((SimulationProgress) -> Void)? = nil) throws(SimulationError) -> SimulationEnd {
        let stop = StopFlag()
        simulation.stopFlag = stop
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { stop.set() }
        interrupt.resume()
        defer {
            interrupt.cancel()
            signal(SIGINT, SIG_DFL)
        }
        let slotsBefore = simulation.totals.slots
        let clock = ContinuousClock()
        let started = clock.now
        let end = try simulation.run(progress: progress)
        let wall = started.duration(to: clock.now)
        summary = simulation.endSummary(
            end, folder: folder, slotsBefore: slotsBefore,
            wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)
        return end
    }

    private static func lockFolder(_ folder: URL) throws(RunSessionError) -> FolderLock {
        do { return try FolderLock(folder: folder) } catch { throw .failure(error.description) }
    }
}

/// Why a run could not start, resume or go on. ``isInput`` tells bad input (exit status 2) from a failure (1).
package struct RunSessionError: Error, CustomStringConvertible, Sendable {
    /// The sentence shown to the user.
    package let description: String
    /// Whether the user's input (a folder, a file) is at fault rather than the run.
    package let isInput: Bool

    static func input(_ description: String) -> RunSessionError {
        RunSessionError(description: description, isInput: true)
    }

    static func failure(_ description: String) -> RunSessionError {
        RunSessionError(description: description, isInput: false)
    }

    static func holdsRun(folder: URL, status: String) -> RunSessionError {
        let what = status == RunStatus.finished.rawValue ? "a finished run" : "an unfinished run (status \(status))"
        return .input(
            "\(folder.path) already holds \(what); continue it with `shardsim run --resume \(folder.path)`, or "
                + "replace it with --force (which removes only the files a run writes)")
    }
}
