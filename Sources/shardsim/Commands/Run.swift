import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `shardsim run SCENARIO`: simulates a scenario and writes a run folder of CSV metrics.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write a run folder of CSV metrics.",
        discussion: """
            Writes scenario.yaml (resolved), run.json, slots.csv, slots-wall.csv, transfers.csv, summary.csv, \
            state.sqlite and a data dictionary (README.md) into the output folder. Slot rows are on disk as soon as \
            the slot ends, and a checkpoint is written every --checkpoint-every slots: after Ctrl-C or a kill, \
            `shardsim run --resume RUN_DIR` continues from the last checkpoint and ends with the same files as an \
            uninterrupted run. `--point I` runs one point of the scenario's sweep (see `shardsim sweep`).
            """
    )

    @Argument(help: "The scenario file (YAML); not needed with --resume.", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String?

    @Option(help: "The seed; by default the scenario's first seed.")
    var seed: UInt64?

    @Option(help: "Run only point I of the scenario's sweep (0-based; see points.csv of `shardsim sweep`).")
    var point: Int?

    @Option(help: "The run folder; by default runs/NAME-seedN, or runs/NAME-sweep/p<I>-…-seedN with --point.")
    var out: String?

    @OptionGroup var execution: ThreadsOption

    @Option(help: "Write a checkpoint every N slots (0 = never).")
    var checkpointEvery: UInt64 = 10

    @Option(help: "Continue the interrupted run in this folder from its last checkpoint.", completion: .directory)
    var resume: String?

    func validate() throws {
        if resume == nil, scenario == nil { throw ValidationError("Give a scenario file, or --resume RUN_DIR.") }
        if resume != nil, scenario != nil || seed != nil || point != nil || out != nil {
            throw ValidationError("--resume takes the scenario, seed and folder from the run folder; give no scenario, --seed, --point or --out.")
        }
        if let point, point < 0 { throw ValidationError("--point must be 0 or more.") }
    }

    func run() throws {
        let (simulation, folder) = try resume.map(prepareResume) ?? prepareFreshRun()
        let stop = StopFlag()
        simulation.stopFlag = stop
        simulation.checkpointInterval = checkpointEvery
        // Ctrl-C asks the run to stop after the current slot (with a checkpoint) instead of killing it mid-write.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { stop.set() }
        interrupt.resume()
        let progress = ProgressLine()
        let end: SimulationEnd
        do {
            end = try simulation.run { progress.show($0) }
            progress.finish()
        } catch {
            progress.finish()
            Terminal.error("error: \(error.description)")
            Terminal.error("finished slots are in \(folder.path)")
            throw ExitCode(1)
        }
        if case .interrupted(let slot) = end {
            if simulation.keepsCheckpoints {
                Terminal.error("interrupted after slot \(slot.number); checkpoint written. Continue with:")
                Terminal.error("  shardsim run --resume \(folder.path)")
            } else {
                Terminal.error(
                    "interrupted after slot \(slot.number); its rows are in \(folder.path). The optimistic model keeps no "
                        + "checkpoints (a revert can still rewrite recent slots), so this run cannot be resumed.")
            }
            throw ExitCode(130)
        }
        print("results: \(folder.path)")
    }

    private func prepareFreshRun() throws -> (Simulation, URL) {
        var scenario = try loadScenario(self.scenario ?? "")
        let base = scenario
        var folderName = "runs/\(scenario.name)-seed\(seed ?? scenario.seeds.first ?? 1)"
        if let point {
            let points = scenario.sweepPoints()
            guard point < points.count else {
                throw ValidationError("--point \(point): the scenario has \(points.count) point(s), 0 to \(points.count - 1).")
            }
            scenario = points[point].scenario
            let seed = self.seed ?? base.seeds.first ?? 1
            folderName = SweepJob.defaultFolder(of: base) + "/"
                + SweepJob.folderName(point: point, label: points[point].label, seed: seed)
        }
        let seed = self.seed ?? scenario.seeds.first ?? 1
        let folder = URL(fileURLWithPath: out ?? folderName)
        do {
            let settings = try SimulationSettings(scenario: scenario, seed: seed, threads: execution.threads)
            return (Simulation(settings: settings, output: RunOutput(folder: folder)), folder)
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    private func prepareResume(_ path: String) throws -> (Simulation, URL) {
        let folder = URL(fileURLWithPath: path)
        if SweepJob.isFinished(folder) {
            Terminal.error("\(folder.path) holds a finished run; nothing to resume")
            throw ExitCode.success
        }
        let scenarioPath = folder.appendingPathComponent("scenario.yaml").path
        let scenario = try loadScenario(scenarioPath)
        let threads = execution.threads
        do {
            if let simulation = try Simulation.resuming(folder: folder, makeSettings: { seed throws(SimulationError) in
                try SimulationSettings(scenario: scenario, seed: seed, threads: threads)
            }) {
                Terminal.error("resuming \(folder.path) from its last checkpoint")
                return (simulation, folder)
            }
            // Killed before its first checkpoint: start again from genesis with the run's own seed.
            guard let seed = RunManifestSeed.read(folder) else {
                Terminal.error("error: \(folder.path): no checkpoint and no run.json to restart from")
                throw ExitCode(1)
            }
            Terminal.error("no checkpoint in \(folder.path); restarting it from genesis")
            let settings = try SimulationSettings(scenario: scenario, seed: seed, threads: execution.threads)
            return (Simulation(settings: settings, output: RunOutput(folder: folder)), folder)
        } catch let error as SimulationError {
            Terminal.error("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}

/// The seed recorded in a run folder's `run.json`.
enum RunManifestSeed {
    static func read(_ folder: URL) -> UInt64? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("run.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return (json["seed"] as? NSNumber)?.uint64Value
    }
}
