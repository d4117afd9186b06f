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
            Writes into the output folder: \(RunFolderContents.runFiles.filter { !$0.hasPrefix("state.sqlite-") }
                .joined(separator: ", ")) (fees.csv only with a fee market, network.csv only with a network \
            section, rollbacks.csv only under the optimistic model; state.sqlite may have -journal, -wal or -shm \
            companions while it is written), and .lock, held while a process writes the folder; README.md is the data dictionary (Documentation/Outputs.md). A folder that already holds a run is \
            refused unless --force, which removes only these files (and a report). Ends with a summary (slots, \
            tx/s, cross-shard latency, expired, conservation, wall time, simulated/wall ratio) on stdout; --quiet \
            prints only the folder, --json the summary as JSON. Progress goes to stderr, on a terminal only. \
            Slot rows are on disk as soon as \
            the slot ends, and a checkpoint is written every --checkpoint-every slots: after Ctrl-C or a kill, \
            `shardsim run --resume RUN_DIR` continues from the last checkpoint and ends with the same files as an \
            uninterrupted run. `--point I` runs one point of the scenario's sweep (see `shardsim sweep`).
            """
    )

    @Argument(
        help: "The scenario file (YAML); not needed with --resume.", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String?

    // `.unconditional` so that `--seed -1` is read as a value (and refused as one) rather than as a missing value.
    @Option(parsing: .unconditional, help: "The seed; by default the scenario's first seed.")
    var seed: UInt64?

    @Option(
        parsing: .unconditional,
        help: "Run only point I of the scenario's sweep (0-based; see points.csv of `shardsim sweep`).")
    var point: Int?

    @Option(help: "The run folder; by default runs/NAME-seedN, or runs/NAME-sweep/p<I>-…-seedN with --point.")
    var out: String?

    @OptionGroup var execution: ThreadsOption

    @Option(help: "Write a checkpoint every N slots (0 = never); default 10, or on --resume the run's own interval.")
    var checkpointEvery: UInt64?

    @Option(help: "Continue the interrupted run in this folder from its last checkpoint.", completion: .directory)
    var resume: String?

    @Flag(help: "Replace a run already in the --out folder (only the files a run writes are removed).")
    var force = false

    @OptionGroup var scenarioOverrides: ScenarioOverridesOption

    @Flag(help: "Print only the run folder when the run ends (for scripts).")
    var quiet = false

    @Flag(help: "Print the end-of-run summary as one line of JSON (for scripts).")
    var json = false

    func validate() throws {
        if resume == nil, scenario == nil { throw ValidationError("Give a scenario file, or --resume RUN_DIR.") }
        if resume != nil, scenario != nil || seed != nil || point != nil || out != nil || force {
            throw ValidationError(
                "--resume takes the scenario, seed and folder from the run folder; give no scenario, --seed, "
                    + "--point, --out or --force.")
        }
        if let point, point < 0 { throw ValidationError("--point must be 0 or more.") }
        if out?.isEmpty == true { throw ValidationError("--out needs a folder path; '' is none.") }
        if resume?.isEmpty == true { throw ValidationError("--resume needs a run folder; '' is none.") }
        if quiet && json { throw ValidationError("--quiet and --json exclude each other: give one.") }
        if resume != nil, !scenarioOverrides.overrides.isEmpty {
            throw ValidationError("--resume continues the run's own scenario; --set cannot change it.")
        }
    }

    func run() throws {
        let session: RunSession
        do {
            if let resume {
                switch try RunSession.resume(
                    folder: URL(fileURLWithPath: resume), threads: execution.threads, checkpointEvery: checkpointEvery)
                {
                case .finished:
                    Terminal.error("\(resume) holds a finished run; nothing to resume")
                    return
                case .resuming(let resumed):
                    session = resumed
                }
            } else {
                session = try startFresh()
            }
        } catch let error as RunSessionError {
            Terminal.error("error: \(error.description)")
            throw ExitCode(error.isInput ? 2 : 1)
        }
        switch session.origin {
        case .fresh: break
        case .checkpoint(let slot):
            Terminal.error("resuming \(session.folder.path) after slot \(slot), its last checkpoint")
        case .genesis: Terminal.error("no checkpoint in \(session.folder.path); restarting it from genesis")
        }
        let progress = ProgressLine()
        let end: SimulationEnd
        do {
            end = try session.run { progress.show($0) }
            progress.finish()
        } catch {
            progress.finish()
            Terminal.error("error: \(error.description)")
            if session.simulation.hasWrittenSlots { Terminal.error("finished slots are in \(session.folder.path)") }
            throw ExitCode(1)
        }
        if case .interrupted(let slot) = end {
            if session.simulation.keepsCheckpoints {
                Terminal.error("interrupted after slot \(slot.number); checkpoint written. Continue with:")
                Terminal.error("  shardsim run --resume \(session.folder.path)")
            } else {
                Terminal.error(
                    "interrupted after slot \(slot.number); its rows are in \(session.folder.path). The optimistic "
                        + "model keeps no checkpoints (a revert can still rewrite recent slots), so this run cannot be "
                        + "resumed.")
            }
            throw ExitCode(130)
        }
        if quiet {
            print(session.folder.path)
        } else if json, let summary = session.summary {
            print(summary.json)
        } else {
            if let summary = session.summary { print(summary.text) }
            print("results: \(session.folder.path)")
        }
    }

    /// A new run of the scenario (or of one point of its sweep).
    private func startFresh() throws -> RunSession {
        var scenario = try scenarioOverrides.load(self.scenario ?? "")
        let base = scenario
        var folderName = "runs/\(scenario.name)-seed\(seed ?? scenario.seeds.first ?? 1)"
        if let point {
            let points = scenario.sweepPoints()
            guard point < points.count else {
                Terminal.error(
                    "error: --point \(point): the scenario has \(points.count) point(s), 0 to \(points.count - 1)")
                throw ExitCode(2)
            }
            scenario = points[point].scenario
            let seed = self.seed ?? base.seeds.first ?? 1
            folderName =
                SweepJob.defaultFolder(of: base) + "/"
                + SweepJob.folderName(point: point, label: points[point].label, seed: seed)
        }
        return try RunSession.start(
            scenario: scenario, seed: seed ?? scenario.seeds.first ?? 1,
            folder: URL(fileURLWithPath: out ?? folderName),
            threads: execution.threads, checkpointEvery: checkpointEvery ?? RunSession.defaultCheckpointInterval,
            replacing: force)
    }
}
