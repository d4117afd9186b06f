import Foundation
import Testing

/// `shardsim sweep` runs each point × seed in its own folder via child processes and resumes; `shardsim report`
/// turns the folder into report.md and a self-contained report.html.
@Suite(.serialized) struct SweepReportCommandTests {
    static let scenario = """
        name: grid
        seeds: [1, 2]
        slots: 2
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 8}
        workload: {transactionsPerSlot: 2, crossShardFraction: 50%}
        sweep:
          workload.transactionsPerSlot: [1, 3]
        """

    @Test("a sweep writes points.csv and one finished run folder per point and seed; a second call skips them")
    func sweepAndReport() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("grid.yaml")
        try Self.scenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("sweep")
        let first = try CommandLineTool.run(["sweep", scenarioURL.path, "--jobs", "2", "--out", out.path])
        #expect(first.status == 0, "\(first.standardError)")
        let index = try String(contentsOf: out.appendingPathComponent("points.csv"), encoding: .utf8)
        let lines = index.split(separator: "\n")
        #expect(lines.count == 1 + 4)
        #expect(lines[0] == "job,point,seed,label,folder,command,workload.transactionsPerSlot")
        #expect(lines[4].hasPrefix("3,1,2,workload.transactionsPerSlot=3,p0001-workload.transactionsPerSlot=3-seed2,"))
        #expect(lines[4].hasSuffix(",3"))
        for name in ["p0000-workload.transactionsPerSlot=1-seed1", "p0001-workload.transactionsPerSlot=3-seed2"] {
            let manifest = try String(contentsOf: out.appendingPathComponent("\(name)/run.json"), encoding: .utf8)
            #expect(manifest.contains("\"status\" : \"finished\""))
        }
        let second = try CommandLineTool.run(["sweep", scenarioURL.path, "--jobs", "2", "--out", out.path])
        #expect(second.status == 0)
        #expect(second.standardError.components(separatedBy: "already finished").count - 1 == 4)

        // A point run alone by index writes the same slots.csv as the sweep did.
        let alone = work.appendingPathComponent("alone")
        let single = try CommandLineTool.run([
            "run", scenarioURL.path, "--point", "1", "--seed", "2", "--out", alone.path,
        ])
        #expect(single.status == 0, "\(single.standardError)")
        #expect(
            try Data(contentsOf: alone.appendingPathComponent("slots.csv"))
                == Data(contentsOf: out.appendingPathComponent("p0001-workload.transactionsPerSlot=3-seed2/slots.csv")))

        let report = try CommandLineTool.run(["report", out.path, "--out", work.appendingPathComponent("report").path])
        #expect(report.status == 0, "\(report.standardError)")
        let html = try String(contentsOf: work.appendingPathComponent("report/report.html"), encoding: .utf8)
        #expect(html.contains("<th>transactionsPerSlot=1</th>"))
        #expect(html.contains("(n=2)"))
        #expect(html.contains("no base-fee values"))
        // The sweep figure: a headline metric against the swept field, and its data beside the report.
        #expect(html.contains("throughput against workload.transactionsPerSlot"))
        let data = try String(
            contentsOf: work.appendingPathComponent(
                "report/report-data/sweep-throughput-vs-workload-transactionsPerSlot.csv"),
            encoding: .utf8)
        #expect(data.hasPrefix("series,workload.transactionsPerSlot,throughput_transactions_per_s,"))
    }

    @Test("report of a folder without runs exits 2 naming the folder")
    func reportBadInput() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let result = try CommandLineTool.run(["report", work.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains(work.path))
        #expect(result.standardError.contains("expected a run folder"))
    }

    @Test("--point outside the sweep is refused")
    func pointOutOfRange() throws {
        let work = ResumeCommandTests.temporaryFolder()
        let scenarioURL = work.appendingPathComponent("grid.yaml")
        try Self.scenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
        let result = try CommandLineTool.run(["run", scenarioURL.path, "--point", "7"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--point 7: the scenario has 2 point(s)"))
    }
}
