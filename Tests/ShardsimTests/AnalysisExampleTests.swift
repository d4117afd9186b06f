import Foundation
import Testing

/// The pandas example of `Documentation/Analysis.md` runs as documented: the Python block, unchanged, loads a run, a
/// comparison and a sweep made by the tool and redraws a report figure. Skipped where python3 lacks pandas or
/// matplotlib.
@Suite(.serialized) struct AnalysisExampleTests {
    /// Whether `python3` (on PATH) imports pandas and matplotlib.
    static let pythonHasPandas: Bool = {
        (try? python(["-c", "import pandas, matplotlib"], in: FileManager.default.temporaryDirectory, environment: [:]))?
            .status == 0
    }()

    /// Runs `python3 arguments…` in `folder` with `environment` added to ours.
    static func python(_ arguments: [String], in folder: URL, environment: [String: String]) throws
        -> CommandLineTool.Output
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTool.Output(
            status: process.terminationStatus, standardOutput: String(decoding: stdout, as: UTF8.self),
            standardError: String(decoding: stderr, as: UTF8.self))
    }

    /// The first ```python block of `Documentation/Analysis.md`.
    static func documentedScript() throws -> String {
        let text = try String(
            contentsOf: CommandLineTool.packageRoot.appendingPathComponent("Documentation/Analysis.md"), encoding: .utf8
        )
        let start = try #require(text.range(of: "```python\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test(
        "the Analysis.md example loads a run, a comparison and a sweep and redraws a figure",
        .enabled(
            if: pythonHasPandas,
            "python3 with pandas and matplotlib is not installed (python3 -m pip install pandas matplotlib)"))
    func documentedExampleRuns() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let base = """
            name: tiny
            slots: 3
            shards: {count: 2}
            ees:
              - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 8}
            workload: {transactionsPerSlot: 2, crossShardFraction: 50%}

            """
        let single = work.appendingPathComponent("tiny.yaml")
        try base.write(to: single, atomically: true, encoding: .utf8)
        let grid = work.appendingPathComponent("grid.yaml")
        try
            (base
            + "seeds: [1, 2, 3]\nsweep:\n  workload.transactionsPerSlot: [1, 3]\n  workload.crossShardFraction: [10%, 50%]\n")
            .write(to: grid, atomically: true, encoding: .utf8)
        let run = work.appendingPathComponent("run")
        let comparison = work.appendingPathComponent("compare")
        let sweep = work.appendingPathComponent("sweep")
        let report = work.appendingPathComponent("report")
        for arguments in [
            ["run", single.path, "--out", run.path],
            ["compare", single.path, "--models", "one-slot,finality-wait", "--seeds", "1", "--out", comparison.path],
            ["sweep", grid.path, "--jobs", "2", "--out", sweep.path],
            ["report", sweep.path, "--out", report.path],
        ] {
            let result = try CommandLineTool.run(arguments)
            #expect(result.status == 0, "shardsim \(arguments.joined(separator: " ")): \(result.standardError)")
        }
        try Self.documentedScript().write(
            to: work.appendingPathComponent("example.py"), atomically: true, encoding: .utf8)
        let result = try Self.python(
            ["example.py"], in: work,
            environment: ["RUN": run.path, "COMPARISON": comparison.path, "SWEEP": sweep.path, "REPORT": report.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("wrote throughput.png"))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("throughput.png").path))
    }
}
