import Foundation
import Testing

/// `shardsim compare` writes the layout `shardsim report` reads: a run folder per model and seed, comparison.csv
/// with `model`, `seed` first, comparison.md; and rejects bad model names with a message naming them.
@Suite struct CompareCommandTests {
    @Test("Two models, one seed: run folders, comparison.csv rows, comparison.md and the printed table")
    func layout() throws {
        let scenario = FileManager.default.temporaryDirectory.appendingPathComponent(
            "compare-\(UUID().uuidString).yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        try """
        name: tiny
        seeds: [3]
        slots: 4
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
        workload: {transactionsPerSlot: 3, crossShardFraction: 100%}
        crossShard: {finalityDelay: 2 slots}
        """.write(to: scenario, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(at: scenario)
            try? FileManager.default.removeItem(at: folder)
        }
        let result = try CommandLineTool.run([
            "compare", scenario.path, "--models", "one-slot,finality-wait", "--out", folder.path, "--threads", "1",
            "--seeds", "1",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("| one-slot | 3 |"))
        for name in ["one-slot-seed3", "finality-wait-seed3"] {
            let manifest = try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("run.json")))
            #expect((manifest as? [String: Any])?["crossShardModel"] as? String == String(name.dropLast(6)))
        }
        let csv = try String(contentsOf: folder.appendingPathComponent("comparison.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("model,seed,") == true)
        #expect(
            lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == [
                "one-slot,3", "finality-wait,3",
            ])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("comparison.md").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("inflight.csv").path))

        // Again on the same folder: both runs finished, so both are skipped, and the comparison is the same.
        let again = try CommandLineTool.run([
            "compare", scenario.path, "--models", "one-slot,finality-wait", "--out", folder.path, "--seeds", "1",
        ])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardError.contains("skipping one-slot, seed 3: finished in an earlier attempt"))
        #expect(again.standardError.contains("skipping finality-wait, seed 3"))
        #expect(try String(contentsOf: folder.appendingPathComponent("comparison.csv"), encoding: .utf8) == csv)
    }

    @Test("An unknown model is refused before anything runs, naming it and the models accepted")
    func unknownModel() throws {
        let result = try CommandLineTool.run(["compare", "scenarios/quickstart.yaml", "--models", "one-slot,instant"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("'instant' is not a cross-shard model"))
        #expect(result.standardError.contains("one-slot, finality-wait, optimistic, two-phase"))
    }

    @Test("With warm-up and drain, the comparison and its report show each model's measured and censored transfers")
    func measuredTransfersInTheReport() throws {
        let scenario = FileManager.default.temporaryDirectory.appendingPathComponent(
            "compare-\(UUID().uuidString).yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try """
        name: tiny-window
        seeds: [3]
        slots: 5
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
        workload: {transactionsPerSlot: 3, crossShardFraction: 100%}
        crossShard: {finalityDelay: 2 slots}
        measurement: {warmUp: 1 slot, drain: 6 slots}
        """.write(to: scenario, atomically: true, encoding: .utf8)
        defer {
            for url in [scenario, folder, report] { try? FileManager.default.removeItem(at: url) }
        }
        let result = try CommandLineTool.run([
            "compare", scenario.path, "--models", "one-slot,finality-wait", "--out", folder.path, "--threads", "1",
            "--seeds", "1",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("| measured | delivered | failed | censored | drain slots |"))
        let rows = try String(contentsOf: folder.appendingPathComponent("comparison.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let measured = try #require(header.firstIndex(of: "measured_transfers"))
        let delivered = try #require(header.firstIndex(of: "measured_delivered"))
        let censored = try #require(header.firstIndex(of: "measured_censored"))
        #expect(Set(rows.dropFirst().map { $0[measured] }).count == 1)
        #expect(rows.dropFirst().allSatisfy { $0[delivered] == $0[measured] && $0[censored] == "0" })

        let made = try CommandLineTool.run(["report", folder.path, "--out", report.path])
        #expect(made.status == 0, "\(made.standardError)")
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        for text in [
            "measured_transfers", "measured_censored", "drain_slots", "measured = delivered + failed + censored",
        ] {
            #expect(html.contains(text), "the report does not show \(text)")
        }
        #expect(!html.contains("measured = delivered + failed + censored</td><td>fail"))
    }
}
