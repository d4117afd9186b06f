import Foundation
import Testing

/// `shardsim run` as a user meets it: a folder holding a run is never overwritten silently, a resume of a damaged
/// or empty folder is refused, and every usage mistake exits with status 2 and a message that names it.
@Suite(.serialized) struct RunCommandTests {
    static let scenario = """
        name: safe
        slots: 3
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 8}
        workload: {transactionsPerSlot: 2, crossShardFraction: 50%}
        """

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shardsim-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("run --out on a folder holding a run refuses, naming --resume and --force; --force replaces it")
    func overwriteRefused() throws {
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = work.appendingPathComponent("safe.yaml")
        try Self.scenario.write(to: scenario, atomically: true, encoding: .utf8)
        let folder = work.appendingPathComponent("run")
        let first = try CommandLineTool.run(["run", scenario.path, "--out", folder.path, "--threads", "1"])
        #expect(first.status == 0, "\(first.standardError)")
        let slots = try Data(contentsOf: folder.appendingPathComponent("slots.csv"))

        let second = try CommandLineTool.run(["run", scenario.path, "--out", folder.path, "--seed", "2"])
        #expect(second.status == 2)
        #expect(second.standardError.contains("already holds a finished run"))
        #expect(second.standardError.contains("--resume") && second.standardError.contains("--force"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("slots.csv")) == slots)

        let forced = try CommandLineTool.run(["run", scenario.path, "--out", folder.path, "--seed", "2", "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("slots.csv")) != slots)
    }

    @Test(
        "Usage mistakes exit with status 2 and a message naming the mistake",
        arguments: [
            (["run", "scenarios/quickstart.yaml", "--out", ""], "--out needs a folder path"),
            (["run", "scenarios/quickstart.yaml", "--seed", "-1"], "'-1' is invalid for '--seed"),
            (["run", "scenarios/quickstart.yaml", "--point", "3"], "--point 3: the scenario has 1 point(s)"),
            (["run", "--resume", "runs/no-such-run-folder"], "no such run folder"),
            (["run", "scenarios/quickstart.yaml", "--resume", "runs/x"], "--resume takes the scenario"),
            (["compare", "scenarios/quickstart.yaml", "--seeds", "0"], "--seeds expects a count"),
            (["compare", "scenarios/quickstart.yaml", "--seeds", "1,x"], "'x' is not a seed"),
        ])
    func usageErrors(_ arguments: [String], _ message: String) throws {
        let result = try CommandLineTool.run(arguments)
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test("run --resume on a folder without run.json (killed during genesis) says there is nothing to resume")
    func nothingToResume() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTool.run(["run", "--resume", folder.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("nothing to resume"))
    }

    @Test("validate and run refuse a FIFO at once instead of blocking")
    func fifo() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for command in ["validate", "run", "scout"] {
            let result = try CommandLineTool.run([command, fifo.path])
            #expect(result.status == 2, "\(command): \(result.standardError)")
            #expect(result.standardError.contains("not a regular file"), "\(command): \(result.standardError)")
        }
    }

    /// The file names `run --help` says a run writes.
    static func filesNamedInHelp() throws -> Set<String> {
        let help = try CommandLineTool.run(["run", "--help"])
        #expect(help.status == 0)
        let text = help.standardOutput.replacingOccurrences(of: "\n", with: " ")
        let words = text.split(whereSeparator: { " ,;()".contains($0) }).map(String.init)
        return Set(
            words.filter {
                $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".yaml") || $0.hasSuffix(".md")
                    || $0.hasPrefix("state.sqlite") || $0 == ".lock"
            })
    }

    @Test(
        "run --help names every file a run writes; rollbacks.csv only under the optimistic model",
        arguments: ["one-slot", "optimistic"])
    func helpListsEveryFile(model: String) throws {
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = work.appendingPathComponent("every-file.yaml")
        try """
        name: every-file
        slots: 3
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 8}
          - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 30 ETH, accountsPerShard: 2}
        workload: {transactionsPerSlot: 2, crossShardFraction: 50%, feeStrategy: uniform, maxFeePerGas: 6 gwei}
        crossShard: {model: \(model), finalityDelay: 1 slots, revertProbability: 50%}
        fees: {ee: fees, initialBaseFee: 3 gwei}
        network: {committeeSize: 4, gossipDegree: 2}
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let folder = work.appendingPathComponent("run")
        let run = try CommandLineTool.run(["run", scenario.path, "--out", folder.path, "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        let named = try Self.filesNamedInHelp()
        #expect(written.subtracting(named).isEmpty, "written but not in run --help: \(written.subtracting(named))")
        #expect(written.contains("fees.csv") && written.contains("network.csv"))
        #expect(written.contains("rollbacks.csv") == (model == "optimistic"))
    }
}

/// The end of a run: a summary for people, `--json` for scripts, `--quiet` for the folder alone, `--set` overrides.
@Suite(.serialized) struct RunSummaryCommandTests {
    @Test("run prints a summary; --json parses; --quiet prints only the folder; --set is applied")
    func summary() throws {
        let work = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = work.appendingPathComponent("safe.yaml")
        try RunCommandTests.scenario.write(to: scenario, atomically: true, encoding: .utf8)

        let plain = try CommandLineTool.run(["run", scenario.path, "--out", work.appendingPathComponent("a").path])
        #expect(plain.status == 0, "\(plain.standardError)")
        for line in [
            "finished 3 slots on 2 shards", "transactions", "cross-shard", "expired", "conservation   holds",
            "wall time", "× real time", "results: ",
        ] {
            #expect(plain.standardOutput.contains(line), "\(plain.standardOutput)")
        }

        let json = try CommandLineTool.run([
            "run", scenario.path, "--out", work.appendingPathComponent("b").path, "--json", "--set", "shards.count=3",
        ])
        #expect(json.status == 0, "\(json.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(object?["slots"] as? Int == 3)
        #expect(object?["shards"] as? Int == 3)
        #expect(object?["conservationHolds"] as? Bool == true)

        let quietFolder = work.appendingPathComponent("c").path
        let quiet = try CommandLineTool.run(["run", scenario.path, "--out", quietFolder, "--quiet"])
        #expect(quiet.status == 0, "\(quiet.standardError)")
        #expect(quiet.standardOutput == quietFolder + "\n")
        // Standard error is not a terminal here, so no progress line reaches it.
        #expect(!quiet.standardError.contains("slot 1/"))

        let bad = try CommandLineTool.run(["run", scenario.path, "--set", "shards.count=0"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--set: shards.count: expected an integer from 1 to 1024, found '0'"))
    }
}
