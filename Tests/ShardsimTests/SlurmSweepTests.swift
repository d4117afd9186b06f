import Foundation
import Testing

/// `shardsim sweep --scheduler slurm` against a real Slurm: a one-machine cluster (munged, slurmctld, slurmd)
/// started by `scripts/slurm-local.sh` in a folder of its own, with ports of its own, and always stopped.
@Suite(.serialized) struct SlurmSweepTests {
    /// A 2 × 2 grid with 2 seeds: 8 array tasks, each a few slots on 2 shards.
    static let scenario = """
        name: slurm-grid
        seeds: [1, 2]
        slots: 3
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 8}
        workload: {transactionsPerSlot: 2, crossShardFraction: 50%}
        sweep:
          workload.transactionsPerSlot: [1, 3]
          workload.crossShardFraction: [20%, 80%]
        """

    /// Why the end-to-end test cannot run here, or `nil` when it can.
    static let slurmMissing: String? = {
        let programs = [
            "/usr/sbin/munged", "/usr/sbin/mungekey", "/usr/sbin/slurmctld", "/usr/sbin/slurmd",
            "/usr/bin/sbatch", "/usr/bin/squeue", "/usr/bin/sinfo", "/usr/bin/scancel",
        ]
        let missing = programs.filter { !FileManager.default.isExecutableFile(atPath: $0) }
        if !missing.isEmpty {
            return "Slurm end-to-end test skipped: \(missing.joined(separator: ", ")) missing; install the Debian "
                + "packages munge and slurm-wlm (scripts/install-deps.sh does, as root)"
        }
        if getuid() != 0 { return "Slurm end-to-end test skipped: slurmd must run as root to start jobs" }
        return nil
    }()

    @Test(
        "a 2 × 2-point, 2-seed sweep through a real Slurm job array writes the run folders a local sweep writes",
        .enabled(if: slurmMissing == nil, Comment(rawValue: slurmMissing ?? "")), .timeLimit(.minutes(10)))
    func slurmArrayMatchesLocalSweep() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("slurm-grid.yaml")
        try Self.scenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
        // Short, so the munge socket's path stays far below the 108 bytes a socket path may have.
        let cluster = URL(fileURLWithPath: "/tmp/shardsim-slurm-\(UUID().uuidString.prefix(8))")
        let started = try Self.clusterScript("start", cluster)
        defer {
            let stopped = try? Self.clusterScript("stop", cluster)
            print(stopped?.output ?? "slurm-local.sh stop could not run")
            #expect(stopped?.status == 0, "slurm-local.sh stop failed: \(stopped?.output ?? "")")
            for daemon in ["slurmd.pid", "slurmctld.pid", "munge/munged.pid"] {
                if let text = try? String(contentsOf: cluster.appendingPathComponent(daemon), encoding: .utf8),
                    let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
                {
                    #expect(!Self.isAlive(pid), "\(daemon): process \(pid) still running after stop")
                }
            }
            try? FileManager.default.removeItem(at: cluster)
        }
        print(started.output)
        try #require(started.status == 0, "slurm-local.sh start failed: \(started.output)")
        let environment = ["SLURM_CONF": cluster.appendingPathComponent("slurm.conf").path]

        let out = work.appendingPathComponent("slurm-sweep")
        let submitted = try CommandLineTool.run(
            ["sweep", scenarioURL.path, "--scheduler", "slurm", "--out", out.path], environment: environment)
        print(submitted.standardOutput + submitted.standardError)
        try #require(submitted.status == 0, "\(submitted.standardError)")
        let jobID = try #require(
            submitted.standardOutput.split(separator: "\n").first { $0.hasPrefix("submitted Slurm job array ") }?
                .split(separator: " ")[4].dropLast())
        #expect(submitted.standardOutput.contains("8 task(s) of 8 job(s)"))
        let record = try String(contentsOf: out.appendingPathComponent("sweep.json"), encoding: .utf8)
        #expect(record.contains("\"jobID\" : \"\(jobID)\""))

        // Wait for the array: every task finished or failed, for at most 5 minutes.
        func waitForArray() throws -> String {
            var status = try CommandLineTool.run(["sweep", "--status", out.path], environment: environment)
            let deadline = Date().addingTimeInterval(300)
            // A task's run folder is finished a moment before Slurm's own state leaves RUNNING/COMPLETING (more so on
            // a loaded machine), so wait for both.
            func settled(_ text: String) -> Bool {
                text.contains("0 pending, 0 running")
                    && !["RUNNING", "COMPLETING", "PENDING", "CONFIGURING"].contains { text.contains(" \($0)") }
            }
            while Date() < deadline, !settled(status.standardOutput), status.status == 0 {
                sleep(1)
                status = try CommandLineTool.run(["sweep", "--status", out.path], environment: environment)
            }
            print("shardsim sweep --status \(out.path):\n" + status.standardOutput + status.standardError)
            return status.standardOutput
        }
        let status = try waitForArray()
        #expect(status.contains("8 job(s): 0 pending, 0 running, 8 finished, 0 failed, 0 stale"))
        #expect(status.contains("Slurm job array(s): \(jobID)"))
        for task in 0..<8 { #expect(status.contains("finished p000\(task / 2)"), "task \(task)") }
        #expect(status.components(separatedBy: " COMPLETED").count - 1 == 8, "every task COMPLETED: \(status)")
        let logs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("logs").path)
        #expect(logs.filter { $0.hasPrefix("slurm-\(jobID)_") }.count == 8, "one Slurm log per task: \(logs)")

        // Nothing failed, so nothing is resubmitted.
        let nothing = try CommandLineTool.run(["sweep", out.path, "--resubmit-failed"], environment: environment)
        #expect(nothing.status == 0, "\(nothing.standardError)")
        #expect(nothing.standardOutput.contains("no failed job to resubmit"))

        // A task that ended without a finished run is failed, and --resubmit-failed runs that task alone again.
        let lost = "p0002-workload.transactionsPerSlot=3_workload.crossShardFraction=20%-seed2"
        try FileManager.default.removeItem(at: out.appendingPathComponent(lost))
        let failed = try CommandLineTool.run(["sweep", "--status", out.path], environment: environment)
        #expect(failed.standardOutput.contains("7 finished, 1 failed"), "\(failed.standardOutput)")
        #expect(failed.standardOutput.contains("Slurm \(jobID)_5 COMPLETED; the next attempt starts it over"))
        let resubmit = try CommandLineTool.run(["sweep", out.path, "--resubmit-failed"], environment: environment)
        print(resubmit.standardOutput + resubmit.standardError)
        #expect(resubmit.status == 0, "\(resubmit.standardError)")
        #expect(resubmit.standardOutput.contains("resubmitted 1 failed job(s) as Slurm job array"))
        #expect(resubmit.standardOutput.contains("(tasks 5)"))
        #expect(try waitForArray().contains("8 job(s): 0 pending, 0 running, 8 finished, 0 failed, 0 stale"))

        // The same sweep run locally writes the same run folders, byte for byte (wall-clock values aside).
        let local = work.appendingPathComponent("local-sweep")
        let locally = try CommandLineTool.run(["sweep", scenarioURL.path, "--out", local.path, "--jobs", "2"])
        #expect(locally.status == 0, "\(locally.standardError)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: local.path).filter { $0.hasPrefix("p0") }
            .sorted()
        #expect(runs.count == 8)
        for run in runs {
            try RunFolderComparison.expectSame(local.appendingPathComponent(run), out.appendingPathComponent(run))
        }

        let report = try CommandLineTool.run(["report", out.path, "--out", work.appendingPathComponent("report").path])
        #expect(report.status == 0, "\(report.standardError)")
        let html = try String(contentsOf: work.appendingPathComponent("report/report.html"), encoding: .utf8)
        #expect(html.contains("(n=2)"))
    }

    @Test("--dry-run prints the job script, one task per point × seed, and writes nothing")
    func dryRun() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("slurm-grid.yaml")
        try Self.scenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("sweep")
        let result = try CommandLineTool.run([
            "sweep", scenarioURL.path, "--scheduler", "slurm", "--out", out.path, "--dry-run", "--partition", "short",
            "--time", "1-02:00", "--cpus-per-task", "2", "--jobs", "3",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let script = result.standardOutput
        #expect(script.hasPrefix("#!/bin/bash\n"))
        for line in [
            "#SBATCH --array=0-7%3", "#SBATCH --partition=short", "#SBATCH --time=1-02:00", "#SBATCH --cpus-per-task=2",
            "#SBATCH --output=\(out.path)/logs/slurm-%A_%a.log", "#SBATCH --signal=B:INT@120",
        ] {
            #expect(script.contains(line + "\n"), "missing \(line)")
        }
        // Task 5 is point 2 (fraction 20%, 3 transactions per slot), second seed.
        let folder = "\(out.path)/p0002-workload.transactionsPerSlot=3_workload.crossShardFraction=20%-seed2"
        #expect(script.contains("\n5)\n    folder='\(folder)'\n"))
        #expect(
            script.contains(
                "'run' '\(scenarioURL.path)' '--point' '2' '--seed' '2' '--out' '\(folder)' '--threads' '2')"))
        #expect(script.contains("'run' '--resume' '\(folder)' '--threads' '2')"))
        #expect(result.standardError.contains("sbatch --parsable --array=0-7%3 \(out.path)/slurm-job.sh"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "a dry run must not create the sweep folder")

        // The script is valid shell.
        let scriptURL = work.appendingPathComponent("job.sh")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", scriptURL.path]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }

    @Test(
        "Slurm options are checked before anything runs",
        arguments: [
            (["--partition", "short"], "--partition is for Slurm sweeps: add --scheduler slurm."),
            (["--scheduler", "slurm", "--time", "2h"], "--time expects a Slurm time limit"),
            (["--scheduler", "slurm", "--cpus-per-task", "0"], "--cpus-per-task must be at least 1."),
            (["--scheduler", "slurm", "--partition", "a b"], "--partition expects a partition name"),
        ])
    func badOptions(extra: [String], message: String) throws {
        let result = try CommandLineTool.run(["sweep", "scenarios/quickstart.yaml"] + extra)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    /// Runs `scripts/slurm-local.sh command folder`, for at most 3 minutes.
    ///
    /// Spawned and reaped directly rather than through `Process`: the daemons it starts outlive it, and Foundation
    /// was seen to miss the script's own exit here, waiting forever. Its output goes through a file, not a pipe the
    /// daemons would inherit and never close.
    static func clusterScript(_ command: String, _ folder: URL) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-local-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let script = CommandLineTool.packageRoot.appendingPathComponent("scripts/slurm-local.sh").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let words: [String] = ["/bin/bash", script, command, folder.path]
        let arguments = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        // Unblocked signals with their default actions: a test's worker thread blocks some, and the daemons would
        // inherit that mask and never see the SIGTERM that stops them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, &attributes, arguments, environ)
        guard spawned == 0 else { return (-1, "posix_spawn failed: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(180)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return (-1, "slurm-local.sh \(command) did not finish within 3 minutes")
            }
            usleep(50_000)
        }
        // Exit status from the wait status: exited normally → bits 8–15, killed → 128 + signal.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// Whether process `pid` runs (a zombie does not), reaping it first if it is this process's child.
    static func isAlive(_ pid: Int32) -> Bool {
        // The daemons may have been re-parented to this process, when it is a child subreaper.
        _ = waitpid(pid, nil, WNOHANG)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}

/// Two run folders of the same point and seed compared file by file.
enum RunFolderComparison {
    /// Files that hold wall-clock measurements, or the lock's pid, and so differ between any two runs.
    static let wallClockFiles: Set<String> = ["slots-wall.csv", ".lock"]
    /// Keys of `run.json` that are wall-clock values.
    static let wallClockKeys: Set<String> = ["startedAt", "endedAt", "wallSeconds", "executionWallMicros"]

    /// Expects the same file names in both, the same bytes in each file, `run.json` the same apart from its
    /// wall-clock values, and `state.sqlite` the same rows.
    static func expectSame(_ a: URL, _ b: URL) throws {
        let namesA = Set(try FileManager.default.contentsOfDirectory(atPath: a.path)).subtracting(wallClockFiles)
        let namesB = Set(try FileManager.default.contentsOfDirectory(atPath: b.path)).subtracting(wallClockFiles)
        #expect(namesA == namesB, "\(a.lastPathComponent): files differ")
        for name in namesA.intersection(namesB).sorted() {
            switch name {
            case "run.json":
                #expect(
                    try manifest(a.appendingPathComponent(name)) == manifest(b.appendingPathComponent(name)),
                    "\(a.lastPathComponent)/run.json differs beyond its wall-clock values")
            case "state.sqlite":
                if let rowsA = ResumeCommandTests.databaseRows(a), let rowsB = ResumeCommandTests.databaseRows(b) {
                    #expect(rowsA == rowsB, "\(a.lastPathComponent)/state.sqlite rows differ")
                }
            default:
                #expect(
                    try Data(contentsOf: a.appendingPathComponent(name))
                        == Data(contentsOf: b.appendingPathComponent(name)),
                    "\(a.lastPathComponent)/\(name) differs")
            }
        }
    }

    /// `run.json` without its wall-clock values, with sorted keys.
    static func manifest(_ url: URL) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !wallClockKeys.contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let json = strip(try JSONSerialization.jsonObject(with: Data(contentsOf: url)))
        return String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
    }
}
