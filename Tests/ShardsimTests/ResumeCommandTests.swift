import Foundation
import Testing

/// Done-when test of long runs: a real `shardsim run` child killed with SIGKILL part-way, then
/// `shardsim run --resume`, ends with the same files, byte for byte, as an uninterrupted run (wall-clock files
/// aside), and the state database holds the same rows.
@Suite(.serialized) struct ResumeCommandTests {
    static let scenario = """
        name: killed
        slots: 14
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
        workload: {transactionsPerSlot: 4, crossShardFraction: 50%}
        """

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shardsim-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Data lines of `slots.csv` (one per shard per finished slot).
    static func slotRows(_ folder: URL) -> Int {
        let text = (try? String(contentsOf: folder.appendingPathComponent("slots.csv"), encoding: .utf8)) ?? ""
        return max(0, text.split(separator: "\n").count - 1)
    }

    @Test("a run killed with SIGKILL and resumed ends with the files of an uninterrupted run")
    func killAndResume() throws {
        let work = Self.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("killed.yaml")
        try Self.scenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let reference = work.appendingPathComponent("reference")
        let complete = try CommandLineTool.run([
            "run", scenarioURL.path, "--out", reference.path, "--checkpoint-every", "3",
        ])
        #expect(complete.status == 0, "\(complete.standardError)")

        let killed = work.appendingPathComponent("killed")
        let process = Process()
        process.executableURL = CommandLineTool.executable
        process.arguments = ["run", scenarioURL.path, "--out", killed.path, "--checkpoint-every", "3"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill once slots 0–6 are on disk (two checkpoints written), well before slot 13.
        let deadline = Date().addingTimeInterval(300)
        while Self.slotRows(killed) < 2 * 7, process.isRunning, Date() < deadline { usleep(2_000) }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasRunning, "the run ended before it could be killed; make the scenario longer")
        let rowsAtKill = Self.slotRows(killed)
        #expect(rowsAtKill < 2 * 14)

        // The same interval as the reference, so even the checkpoints table (the last snapshot) must match.
        let resumed = try CommandLineTool.run(["run", "--resume", killed.path, "--checkpoint-every", "3"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("resuming"))
        for file in ["scenario.yaml", "slots.csv", "transfers.csv", "summary.csv", "README.md"] {
            let a = try Data(contentsOf: reference.appendingPathComponent(file))
            let b = try Data(contentsOf: killed.appendingPathComponent(file))
            #expect(a == b, "\(file) differs after kill at \(rowsAtKill) slot rows and resume")
        }
        let wall = try String(contentsOf: killed.appendingPathComponent("slots-wall.csv"), encoding: .utf8)
        #expect(wall.split(separator: "\n").count == 1 + 2 * 14, "slots-wall.csv has one row per shard per slot")
        if let a = Self.databaseRows(reference), let b = Self.databaseRows(killed) {
            #expect(a == b, "state.sqlite rows differ")
        }
    }

    static let optimisticScenario = """
        name: killed-optimistic
        slots: 14
        shards: {count: 3}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
          - {name: ledger, code: "builtin:ledger", genesisBalancePerShard: 1200 ETH, accountsPerShard: 8}
        workload: {ee: "token, ledger", transactionsPerSlot: 4, crossShardFraction: 60%, crossEEFraction: 30%}
        crossShard: {model: optimistic, finalityDelay: 2 slots, revertProbability: 30%, orphanRate: 15%}
        """

    @Test("an optimistic-model run killed with SIGKILL and resumed ends byte-identical to an uninterrupted one")
    func killAndResumeOptimistic() throws {
        let work = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenarioURL = work.appendingPathComponent("killed-optimistic.yaml")
        try Self.optimisticScenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let reference = work.appendingPathComponent("reference")
        let complete = try CommandLineTool.run([
            "run", scenarioURL.path, "--out", reference.path, "--checkpoint-every", "3",
        ])
        #expect(complete.status == 0, "\(complete.standardError)")
        let rollbacks = try String(contentsOf: reference.appendingPathComponent("rollbacks.csv"), encoding: .utf8)
        #expect(rollbacks.split(separator: "\n").count > 1, "the scenario must roll back for the test to mean anything")

        let killed = work.appendingPathComponent("killed")
        let process = Process()
        process.executableURL = CommandLineTool.executable
        process.arguments = ["run", scenarioURL.path, "--out", killed.path, "--checkpoint-every", "3"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Rows are written once final (2 slots late): 5 final slots means slot 6 is done, two checkpoints written.
        let deadline = Date().addingTimeInterval(300)
        while Self.slotRows(killed) < 3 * 2 * 5, process.isRunning, Date() < deadline { usleep(2_000) }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasRunning, "the run ended before it could be killed; make the scenario longer")
        let rowsAtKill = Self.slotRows(killed)
        #expect(rowsAtKill < 3 * 2 * 14)

        let resumed = try CommandLineTool.run(["run", "--resume", killed.path, "--checkpoint-every", "3"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        for file in [
            "scenario.yaml", "slots.csv", "transfers.csv", "inflight.csv", "rollbacks.csv", "summary.csv", "README.md",
        ] {
            let a = try Data(contentsOf: reference.appendingPathComponent(file))
            let b = try Data(contentsOf: killed.appendingPathComponent(file))
            #expect(a == b, "\(file) differs after kill at \(rowsAtKill) slot rows and resume")
        }
        // The accounts and every EE root after every slot; the checkpoints hold wall-clock times of held rows.
        if let a = Self.databaseRows(reference, checkpoints: false),
            let b = Self.databaseRows(killed, checkpoints: false)
        {
            #expect(a == b, "state.sqlite rows differ")
        }
    }

    @Test("--resume with a scenario or --out is refused with a clear message")
    func resumeArguments() throws {
        let result = try CommandLineTool.run(["run", "scenarios/quickstart.yaml", "--resume", "runs/x"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--resume takes the scenario"))
    }

    /// Every row of `accounts`, `ee_states` and `checkpoints`, via the sqlite3 shell when it is installed.
    static func databaseRows(_ folder: URL, checkpoints: Bool = true) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [
            folder.appendingPathComponent("state.sqlite").path,
            "SELECT shard, ee, account, hex(address), balance_gwei, nonce FROM accounts ORDER BY 1, 2, 3; "
                + "SELECT slot, shard, ee, hex(state_root), balance_gwei FROM ee_states ORDER BY 1, 2, 3; "
                + (checkpoints ? "SELECT slot, snapshot FROM checkpoints ORDER BY 1;" : ""),
        ]
        let out = Pipe()
        process.standardOutput = out
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            // The checkpoint's JSON, without its two wall-clock values (slots-wall.csv's length, wall execution time).
            guard let brace = line.firstIndex(of: "{"),
                var json = try? JSONSerialization.jsonObject(with: Data(line[brace...].utf8)) as? [String: Any]
            else { return String(line) }
            if var lengths = json["outputLengths"] as? [String: Any] {
                lengths.removeValue(forKey: "slots-wall.csv")
                json["outputLengths"] = lengths
            }
            if var bookkeeping = json["bookkeeping"] as? [String: Any],
                var totals = bookkeeping["totals"] as? [String: Any]
            {
                totals.removeValue(forKey: "executionWallMicros")
                bookkeeping["totals"] = totals
                json["bookkeeping"] = bookkeeping
            }
            let clean = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
            return line[..<brace] + String(decoding: clean, as: UTF8.self)
        }.joined(separator: "\n")
    }
}
