import Foundation
import Simulator
import Testing

/// The local sweep runner's safety: Ctrl-C or SIGTERM stops every child at a checkpoint and leaves no `shardsim`
/// process behind; a second sweep cannot write a folder a sweep holds; run folders of an older version of the
/// scenario are never counted as finished.
@Suite(.serialized) struct SweepSafetyTests {
    static let grid = """
        name: stale
        seeds: [1]
        slots: 2
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 8}
        workload: {transactionsPerSlot: 2, crossShardFraction: 50%}
        sweep:
          workload.transactionsPerSlot: [1, 3]
        """

    @Test("a changed scenario makes its old run folders stale: refused, shown as stale, rerun with --restart")
    func changedScenario() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("stale.yaml")
        let out = work.appendingPathComponent("sweep")
        try Self.grid.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let first = try CommandLineTool.run(["sweep", scenarioURL.path, "--out", out.path])
        #expect(first.status == 0, "\(first.standardError)")

        try Self.grid.replacingOccurrences(of: "slots: 2", with: "slots: 3")
            .write(to: scenarioURL, atomically: true, encoding: .utf8)
        let again = try CommandLineTool.run(["sweep", scenarioURL.path, "--out", out.path])
        #expect(again.status == 2)
        #expect(!again.standardError.contains("already finished"))
        #expect(again.standardError.contains("2 run folder(s) hold runs of another version of the scenario"))
        #expect(again.standardError.contains("--restart"))

        let status = try CommandLineTool.run(["sweep", "--status", out.path])
        #expect(status.status == 0, "\(status.standardError)")
        #expect(status.standardOutput.contains("2 job(s): 0 pending, 0 running, 0 finished, 0 failed, 2 stale"))

        let restarted = try CommandLineTool.run(["sweep", scenarioURL.path, "--out", out.path, "--restart"])
        #expect(restarted.status == 0, "\(restarted.standardError)")
        #expect(restarted.standardError.components(separatedBy: "deleted p000").count - 1 == 2)
        #expect(!restarted.standardError.contains("already finished"))
        let manifest = try String(
            contentsOf: out.appendingPathComponent("p0001-workload.transactionsPerSlot=3-seed1/run.json"),
            encoding: .utf8)
        #expect(manifest.contains("\"slots\" : 3"))
        let after = try CommandLineTool.run(["sweep", "--status", out.path])
        #expect(after.standardOutput.contains("2 job(s): 0 pending, 0 running, 2 finished, 0 failed, 0 stale"))
    }

    @Test("a second sweep on a folder another process holds is refused, naming the holder")
    func lockedFolder() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("stale.yaml")
        let out = work.appendingPathComponent("sweep")
        try Self.grid.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let lock = try FolderLock(folder: out)
        defer { lock.release() }
        let second = try CommandLineTool.run(["sweep", scenarioURL.path, "--out", out.path])
        #expect(second.status == 1)
        #expect(second.standardError.contains("process \(getpid()) is writing this folder"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("points.csv").path))
        let status = try CommandLineTool.run(["sweep", "--status", out.path])
        #expect(status.status == 2)
        #expect(status.standardError.contains("not a sweep folder"))
    }

    static let long = """
        name: long
        seeds: [1]
        slots: 2000
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 8}
        workload: {transactionsPerSlot: 2, crossShardFraction: 50%}
        sweep:
          workload.transactionsPerSlot: [1, 2]
        """

    @Test(
        "a signal to a local sweep stops its children at a checkpoint, and none outlives it",
        arguments: [SIGINT, SIGTERM])
    func interrupt(signal: Int32) throws {
        let work = ResumeCommandTests.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("long.yaml")
        let out = work.appendingPathComponent("sweep")
        try Self.long.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let sweep = Process()
        sweep.executableURL = CommandLineTool.executable
        sweep.arguments = ["sweep", scenarioURL.path, "--out", out.path, "--jobs", "2"]
        let errors = Pipe()
        sweep.standardError = errors
        sweep.standardOutput = FileHandle.nullDevice
        try sweep.run()
        defer { if sweep.isRunning { kill(sweep.processIdentifier, SIGKILL) } }

        // Wait (at most 2 minutes) until both children run and have finished a slot, so they listen for SIGINT.
        let folders = ["p0000-workload.transactionsPerSlot=1-seed1", "p0001-workload.transactionsPerSlot=2-seed1"]
            .map { out.appendingPathComponent($0) }
        var children: [Int32] = []
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, sweep.isRunning {
            children = ChildProcesses.of(sweep.processIdentifier)
            if children.count == 2, folders.allSatisfy({ ResumeCommandTests.slotRows($0) >= 2 }) { break }
            usleep(20_000)
        }
        #expect(children.count == 2, "the sweep should run two children at once; found \(children)")
        #expect(sweep.isRunning, "the sweep ended before it could be interrupted; make the scenario longer")

        kill(sweep.processIdentifier, signal)
        let stopDeadline = Date().addingTimeInterval(120)
        while sweep.isRunning, Date() < stopDeadline { usleep(20_000) }
        let stopped = !sweep.isRunning
        #expect(stopped, "the sweep did not exit within 2 minutes of the signal")
        if !stopped { for child in children { kill(child, SIGKILL) } }
        sweep.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(sweep.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("Continue with:"))
        #expect(stderr.contains("shardsim sweep \(scenarioURL.path) --out \(out.path) --jobs 2"))
        for child in children {
            #expect(kill(child, 0) == -1 && errno == ESRCH, "child run \(child) outlived the sweep")
        }
        for folder in folders {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("state.sqlite").path))
            let manifest = try String(contentsOf: folder.appendingPathComponent("run.json"), encoding: .utf8)
            #expect(!manifest.contains("\"finished\""), "\(folder.lastPathComponent) should have been stopped")
        }
        let status = try CommandLineTool.run(["sweep", "--status", out.path])
        #expect(status.standardOutput.contains("2 job(s): 0 pending, 0 running, 0 finished, 2 failed, 0 stale"))
        #expect(status.standardOutput.contains("checkpoint kept; the next attempt resumes it"))
    }
}

/// The live children of a process, read from `/proc`.
enum ChildProcesses {
    /// The pids whose parent is `pid`.
    static func of(_ pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { candidate in
            // `pid (comm) state ppid …`: the command name may hold spaces, so read after the last ')'.
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid
        }.sorted()
    }
}
