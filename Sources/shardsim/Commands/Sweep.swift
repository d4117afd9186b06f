import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `shardsim sweep SCENARIO`: every sweep point of a scenario, once per seed, in parallel child processes or as a
/// Slurm job array; `--status DIR` and `DIR --resubmit-failed` follow a sweep up.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run every sweep point of a scenario once per seed, in child processes or as a Slurm job array.",
        discussion: """
            Each job (point × seed) is `shardsim run SCENARIO --point P --seed S` into its own run folder \
            p<P>-<values>-seed<S> inside the sweep folder, which also gets points.csv (one line per job, with the \
            command that runs it alone), sweep.json (the scenario's hash and every job) and logs/. Finished jobs are \
            skipped and interrupted ones resumed, so running the same command again completes an interrupted sweep; \
            Ctrl-C stops every child at a checkpoint. Run folders of another version of the scenario are refused \
            (--restart deletes and reruns them). With --scheduler slurm the jobs are submitted as one job array \
            (see Documentation/Cluster.md). Then `shardsim report DIR`.
            """
    )

    /// Where the jobs run.
    enum Scheduler: String, ExpressibleByArgument, CaseIterable {
        /// Child processes of this command, `--jobs` at a time.
        case local
        /// One Slurm job array, submitted with `sbatch`.
        case slurm
    }

    @Argument(
        help: "The scenario file (YAML), with seeds: and/or sweep:; with --resubmit-failed, the sweep folder.",
        completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String?

    @Option(name: .long, help: "Runs at a time (local), or array tasks at a time (slurm; by default no limit).")
    var jobs: Int?

    @Option(help: "The sweep folder; by default runs/NAME-sweep.")
    var out: String?

    @Option(
        help: "Replications to run instead of the scenario's seeds: a count (5: the first five) or a list (1,2,3).")
    var seeds: String?

    @Flag(help: "Only write points.csv (every job and the command that runs it alone), e.g. for a cluster job array.")
    var list = false

    @Flag(help: "Delete run folders that hold runs of another version of the scenario, and run them again.")
    var restart = false

    @Option(help: "Where the jobs run: local (child processes) or slurm (one job array, submitted with sbatch).")
    var scheduler: Scheduler = .local

    @Option(help: "Slurm partition of the array's tasks (slurm only).")
    var partition: String?

    @Option(help: "Slurm time limit of each task, e.g. 30, 2:00:00 or 1-12:00 (slurm only).")
    var time: String?

    @Option(help: "CPUs of each Slurm task, which is also each run's thread count (slurm only; default 1).")
    var cpusPerTask: Int?

    @Flag(help: "Print the Slurm job script and the sbatch command instead of submitting (slurm only).")
    var dryRun = false

    @Option(
        help: ArgumentHelp("Show where each job of the sweep in this folder stands, and exit.", valueName: "dir"),
        completion: .directory)
    var status: String?

    @Flag(help: "Resubmit to Slurm the jobs of the sweep folder given as argument that failed.")
    var resubmitFailed = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let seeds {
            do { _ = try SeedSelection(parsing: seeds) } catch { throw ValidationError(error.description) }
        }
        let slurmOnly = [
            ("--partition", partition != nil), ("--time", time != nil), ("--cpus-per-task", cpusPerTask != nil),
            ("--dry-run", dryRun),
        ].filter(\.1).map(\.0)
        if status != nil {
            let others =
                scenario != nil || jobs != nil || out != nil || seeds != nil || list || restart
                || scheduler != .local || !slurmOnly.isEmpty || resubmitFailed
            if others { throw ValidationError("--status takes only the sweep folder: shardsim sweep --status DIR") }
            return
        }
        if resubmitFailed {
            let others =
                jobs != nil || out != nil || seeds != nil || list || restart || scheduler != .local
                || !slurmOnly.isEmpty
            if others {
                throw ValidationError(
                    "--resubmit-failed takes only the sweep folder (its tasks keep the options of its job script): "
                        + "shardsim sweep DIR --resubmit-failed")
            }
            if scenario == nil {
                throw ValidationError("--resubmit-failed needs the sweep folder: shardsim sweep DIR --resubmit-failed")
            }
            return
        }
        if scenario == nil { throw ValidationError("Give a scenario file, or --status DIR.") }
        if scheduler != .slurm, let first = slurmOnly.first {
            throw ValidationError("\(first) is for Slurm sweeps: add --scheduler slurm.")
        }
        if list, scheduler == .slurm { throw ValidationError("--list writes points.csv only; drop --scheduler slurm.") }
        if let cpusPerTask, cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1.") }
        if let time, !SlurmOptions.isTimeLimit(time) {
            throw ValidationError(
                "--time expects a Slurm time limit (MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS); found '\(time)'."
            )
        }
        if let partition, !SlurmOptions.isPartitionName(partition) {
            throw ValidationError(
                "--partition expects a partition name (letters, digits, _ . -); found '\(partition)'.")
        }
    }

    func run() throws {
        if let status { return try showStatus(of: URL(fileURLWithPath: status)) }
        if resubmitFailed { return try resubmitFailedJobs(of: URL(fileURLWithPath: scenario ?? "")) }
        let scenarioPath = scenario ?? ""
        let loaded = try loadScenario(scenarioPath)
        let plan = SweepPlan(
            scenario: loaded, scenarioPath: scenarioPath,
            seeds: try seeds.map { try SeedSelection(parsing: $0).seeds(for: loaded) })
        let folder = URL(fileURLWithPath: out ?? SweepJob.defaultFolder(of: loaded)).standardizedFileURL
        switch scheduler {
        case .local: try runLocally(plan, folder: folder)
        case .slurm: try submitToSlurm(plan, folder: folder, name: loaded.name)
        }
    }

    private func runLocally(_ plan: SweepPlan, folder: URL) throws {
        let lock = try lockSweepFolder(folder)
        defer { lock.release() }
        if list {
            let index = SweepJob.index(plan.jobs, scenarioPath: self.scenario ?? "", folder: folder.path)
            try index.write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
            print(index, terminator: "")
            return
        }
        var record = try prepareFolder(folder, plan: plan)
        record.slurmSubmissions = []
        try record.write(folder: folder)
        let parallel = jobs ?? 1
        let interruption = SweepInterruption()
        let signals = SweepSignals(interruption)
        defer { signals.cancel() }
        let runner = SweepRunner(
            executable: Self.executable, scenarioPath: self.scenario ?? "", folder: folder, parallel: parallel,
            threadsPerRun: max(1, ProcessInfo.processInfo.activeProcessorCount / parallel), interruption: interruption)
        let total = plan.jobs.count
        let outcomes = try runner.run(plan.jobs) { job, outcome in
            let what: String
            switch outcome {
            case .skipped: what = "already finished"
            case .finished: what = "finished"
            case .interrupted: what = "interrupted"
            case .failed(let status): what = "FAILED (exit \(status), see logs/\(job.folderName).log)"
            }
            Terminal.error("job \(job.job + 1)/\(total) \(job.folderName): \(what)")
        }
        if outcomes.contains(.interrupted) {
            Terminal.error("sweep interrupted: every started run stopped at a checkpoint. Continue with:")
            Terminal.error("  \(continueCommand(folder: folder))")
            throw ExitCode(SweepRunner.interruptedStatus)
        }
        print("sweep: \(folder.path) (\(total) runs; index in points.csv)")
        if outcomes.contains(where: { if case .failed = $0 { true } else { false } }) { throw ExitCode(1) }
    }

    /// Checks the folder for stale runs (deleting them with --restart) and for Slurm tasks still queued, and
    /// returns its record for `plan`.
    func prepareFolder(_ folder: URL, plan: SweepPlan) throws -> SweepRecord {
        let stale = plan.staleJobs(in: folder)
        if !stale.isEmpty {
            guard restart else {
                Terminal.error(
                    "error: " + SweepError.staleRuns(folder: folder.path, folders: stale.map(\.folderName)).description)
                throw ExitCode(2)
            }
            for job in stale {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(job.folderName))
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("logs/\(job.folderName).log"))
                Terminal.error("deleted \(job.folderName): it held a run of another version of the scenario")
            }
        }
        let previous = try reportingSweepErrors { () throws(SweepError) in try SweepRecord.read(folder: folder) }
        if let previous, !previous.slurmSubmissions.isEmpty {
            let states = try reportingSweepErrors { () throws(SweepError) in try SlurmStates.query(previous) }
            let live = Set(
                previous.slurmSubmissions.compactMap { submission in
                    states[submission.jobID]?.values.contains { $0.isQueued || $0.isRunning } == true
                        ? submission.jobID : nil
                })
            if !live.isEmpty {
                Terminal.error(
                    "error: " + SweepError.stillQueued(folder: folder.path, jobIDs: live.sorted()).description)
                throw ExitCode(1)
            }
        }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        return SweepRecord(plan: plan, previous: previous)
    }

    /// The command that continues this sweep after an interruption.
    private func continueCommand(folder: URL) -> String {
        var words = ["shardsim", "sweep", scenario ?? "", "--out", folder.path]
        if let seeds { words += ["--seeds", seeds] }
        if let jobs { words += ["--jobs", "\(jobs)"] }
        return words.map { $0.contains(" ") ? SlurmJobScript.quoted($0) : $0 }.joined(separator: " ")
    }

    /// The running `shardsim` executable, as an absolute path (children and cluster tasks run the same binary).
    static var executable: URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    }
}

/// Locks the sweep folder (creating it) for this command, or exits 1 naming the process that holds it.
func lockSweepFolder(_ folder: URL) throws -> FolderLock {
    do {
        return try FolderLock(folder: folder)
    } catch {
        Terminal.error("error: \(error.description)")
        throw ExitCode(1)
    }
}

/// Runs `body`, printing a ``SweepError`` as `error: …` and exiting 1.
func reportingSweepErrors<Value>(_ body: () throws(SweepError) -> Value) throws -> Value {
    do {
        return try body()
    } catch {
        Terminal.error("error: \(error.description)")
        throw ExitCode(1)
    }
}

/// Loads a scenario file, printing its problems and exiting with status 2 when it is not valid.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try Scenario.load(contentsOf: URL(fileURLWithPath: path), displayName: path)
    } catch {
        for problem in error.errors { Terminal.error(problem.description) }
        throw ExitCode(2)
    }
}
