import Foundation
import Testing

@testable import Report

/// Reports from run folders, comparison folders and bad paths.
@Suite struct ReportInputTests {
    @Test("a comparison folder is grouped by cross-shard model with the spread across seeds")
    func comparisonGroups() throws {
        let input = try ReportInput(paths: [ReportFixtures.comparison()])
        // Models in ColumnNames.modelOrder, whatever their folder names sort to.
        #expect(input.groups.map(\.name) == ["one-slot", "finality-wait"])
        #expect(input.groups.map { $0.runs.count } == [2, 2])
        let report = RunReport(input: input)
        let headline = report.tables[0]
        let throughput = try #require(headline.rows.first { $0.metric == "throughput" })
        // Two seeds: the values themselves (10/12 and 14/12), not a t-interval.
        #expect(throughput.cells[0] == "0.8333, 1.167 (n=2)")
        #expect(report.tables.count == 2)
        #expect(report.tables[1].groups == ["one-slot", "finality-wait"])
        // comparison.csv's units come from its column names.
        #expect(report.tables[1].rows.first { $0.metric == "latency_inclusion_to_delivery_p50_slots" }?.unit == "slots")
        // A figure with the same value in every run is a note, not a row of "± 0".
        #expect(!headline.rows.contains { $0.metric == "transactions_rejected" })
        #expect(headline.notes.contains { $0.contains("transactions_rejected 1") })
    }

    @Test("theory checks: conservation, accounting, one-slot latency pass on consistent runs")
    func checksPass() throws {
        let report = RunReport(input: try ReportInput(paths: [ReportFixtures.comparison()]))
        let oneSlot = report.checks.filter { $0.group == "one-slot" }
        #expect(oneSlot.count == 4)
        #expect(oneSlot.allSatisfy { $0.verdict == .pass })
        // The one-slot rule does not apply to the finality-wait model.
        #expect(report.checks.filter { $0.group == "finality-wait" }.count == 3)
    }

    @Test(
        "a one-slot transfer taking 2 slots fails the rule unless the destination missed the slot between or had no room"
    )
    func checksFail() throws {
        let folder = ReportFixtures.temporaryFolder()
        let late = ReportFixtures.run(
            in: folder, name: "late-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [1, 2])
        var check = try #require(RunReport(input: try ReportInput(paths: [late])).checks.last)
        #expect(check.verdict == .fail)
        #expect(check.detail.contains("1 of 2") && check.detail.contains("broken by 1: 1: 1 → 2 slots"))
        // The destination's proposer was offline in slot 1: 1 + 1 missed slot = 2 is the rule.
        let missed = ReportFixtures.run(
            in: folder, name: "missed-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [2, 2], missed: [1])
        check = try #require(RunReport(input: try ReportInput(paths: [missed])).checks.last)
        #expect(check.verdict == .pass)
        #expect(check.detail.contains("2 of 2") && check.detail.contains("2 after 1 missed"))
        // A destination block that left receipts waiting delays them for want of room: explained, not broken.
        let busy = ReportFixtures.run(
            in: folder, name: "busy-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [2], inboxAfter: 1)
        check = try #require(RunReport(input: try ReportInput(paths: [busy])).checks.last)
        #expect(check.verdict == .pass)
        #expect(check.detail.contains("1 waited longer for room"))
        let broken = ReportFixtures.run(
            in: folder, name: "b-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [1], conservation: false)
        #expect(RunReport(input: try ReportInput(paths: [broken])).checks[0].verdict == .fail)
    }

    @Test("the base-fee chart is drawn when a base-fee column exists, else the report says no fee data")
    func feeData() throws {
        let folder = ReportFixtures.temporaryFolder()
        let plain = ReportFixtures.run(
            in: folder, name: "plain-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [1])
        let fees = ReportFixtures.run(
            in: folder, name: "fees-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [1], baseFee: true)
        let without = RunReport(input: try ReportInput(paths: [plain]))
        #expect(!without.figures.contains { $0.id.hasPrefix("base-fee") })
        #expect(without.omitted.contains { $0.contains("no base-fee values") })
        let with = RunReport(input: try ReportInput(paths: [fees])).figures.first { $0.id == "base-fee-0" }
        #expect(with?.chart?.series.count == 2)
        #expect(with?.chart?.series[1].points.map(\.y) == [2, 3, 4])
        #expect(with?.chart?.y.label == "EIP-1559 base fee (gwei per gas)")
    }

    @Test("a sweep folder is grouped by the point labels of points.csv, or the scenario's name without a grid")
    func sweepGroups() throws {
        let folder = ReportFixtures.temporaryFolder()
        ReportFixtures.run(in: folder, name: "p0000-a=1-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [1])
        ReportFixtures.run(in: folder, name: "p0000-a=1-seed2", model: "one-slot", seed: 2, applied: 4, latencies: [1])
        ReportFixtures.run(in: folder, name: "p0001-seed1", model: "one-slot", seed: 1, applied: 5, latencies: [1])
        let points = """
            job,point,seed,label,folder,command
            0,0,1,a=1,p0000-a=1-seed1,x
            1,0,2,a=1,p0000-a=1-seed2,x
            2,1,1,,p0001-seed1,x

            """
        try points.write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        let input = try ReportInput(paths: [folder])
        #expect(input.groups.map(\.name) == ["a=1", "fixture"])
        #expect(input.groups.map { $0.runs.count } == [2, 1])
    }

    @Test("a folder without runs is a clear error naming it")
    func notARun() {
        let folder = ReportFixtures.temporaryFolder()
        #expect(throws: ReportError.notARun(folder.path)) { try ReportInput(paths: [folder]) }
    }

    @Test("the written HTML is self-contained: inline SVG, no script, nothing fetched")
    func htmlSelfContained() throws {
        let source = ReportFixtures.comparison()
        let out = ReportFixtures.temporaryFolder()
        let written = try ReportWriter.write(paths: [source], to: out)
        let html = try String(contentsOf: written.html, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        // latency, throughput, gas, witness and execution CDFs; base fee, ETH in flight and per-transaction figures
        // have no data here and are listed once each as not drawn.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
        #expect(html.components(separatedBy: "no base-fee values").count - 1 == 1)
        #expect(html.contains("0.8333, 1.167 (n=2)"))
        let markdown = try String(contentsOf: written.markdown, encoding: .utf8)
        #expect(markdown.contains("![Cross-shard latency (CDF)](charts/latency-cdf.svg)"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("charts/latency-cdf.svg").path))
        // Every chart's data beside the report.
        let latency = try String(contentsOf: out.appendingPathComponent("report-data/latency-cdf.csv"), encoding: .utf8)
        #expect(
            latency.hasPrefix(
                "series,latency_submission_to_delivery_s,share,share_ci95_low,share_ci95_high,n\none-slot,12,0,,,5\n"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report-data/headline.csv").path))
    }

    @Test("the same runs give byte-identical report files, whatever folder the report is written to")
    func deterministic() throws {
        let source = ReportFixtures.sweep()
        let first = ReportFixtures.temporaryFolder()
        let second = ReportFixtures.temporaryFolder()
        _ = try ReportWriter.write(paths: [source], to: first)
        _ = try ReportWriter.write(paths: [source], to: second)
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        #expect(files.count > 10)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted() == files)
        for file in files where !file.hasSuffix("charts") && !file.hasSuffix("report-data") {
            #expect(
                FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: second.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test("a summary.csv holding inf or nan prints a dash or the values, never crashes")
    func hostileFigures() throws {
        let folder = ReportFixtures.temporaryFolder()
        for seed in 1...3 {
            let run = ReportFixtures.run(
                in: folder, name: "x-seed\(seed)", model: "one-slot", seed: seed, applied: 3, latencies: [1])
            try "metric,value,unit\nthroughput,\(seed == 2 ? "inf" : "nan"),transactions/s\ngas_used,1e308,gas\n"
                .write(to: run.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
            try "slot,shard,applied,gas_used,witness_bytes,transactions\n0,0,1,-1e308,nan,1\n1e300,0,2,1e308,inf,0\n"
                .write(to: run.appendingPathComponent("slots.csv"), atomically: true, encoding: .utf8)
        }
        let out = ReportFixtures.temporaryFolder()
        _ = try ReportWriter.write(paths: [folder], to: out)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
    }

    @Test(
        "slots.csv with an ee column: per-slot sums add every EE's row, base fees count once per shard, one line per EE"
    )
    func perEELayout() throws {
        let folder = ReportFixtures.temporaryFolder()
        let run = ReportFixtures.run(
            in: folder, name: "multi-seed1", model: "one-slot", seed: 1, applied: 1, latencies: [1])
        var slots =
            "slot,shard,ee,missed,transactions,applied,gas_used,witness_bytes,execution_time_us,inbox_after,base_fee_gwei\n"
        for slot in 0..<2 {
            for shard in 0..<2 {
                slots += "\(slot),\(shard),token,0,4,4,4000,400,10,0,\(7 + shard)\n"
                slots += "\(slot),\(shard),ledger,0,2,2,1000,100,5,0,\(7 + shard)\n"
            }
        }
        try slots.write(to: run.appendingPathComponent("slots.csv"), atomically: true, encoding: .utf8)
        let report = RunReport(input: try ReportInput(paths: [run]))
        let throughput = try #require(report.figures.first { $0.id == "throughput" }?.chart)
        #expect(throughput.series[0].points.map(\.y) == [12, 12])
        let fees = try #require(report.figures.first { $0.id == "base-fee-0" }?.chart)
        #expect(fees.series.map { $0.points.map(\.y) } == [[7, 7], [8, 8]])
        let witness = try #require(report.figures.first { $0.id == "witness-per-transaction" }?.chart)
        #expect(witness.series.map(\.key) == ["token", "ledger"])
        #expect(witness.series.map { $0.points.map(\.y) } == [[100, 100], [50, 50]])
        // A block is a shard's slot: its EE rows are summed.
        let blocks = try #require(report.figures.first { $0.id == "witness-cdf" }?.chart)
        #expect(blocks.series[0].points.last?.x == 500)
    }

    @Test("HTML tables get at most 4 group columns: 6 groups are two tables of 3, 9 are three of 3")
    func tableChunks() {
        #expect(HTMLRenderer.columnChunks(4) == [0..<4])
        #expect(HTMLRenderer.columnChunks(6) == [0..<3, 3..<6])
        #expect(HTMLRenderer.columnChunks(9) == [0..<3, 3..<6, 6..<9])
        #expect(HTMLRenderer.columnChunks(5) == [0..<3, 3..<5])
    }
}
