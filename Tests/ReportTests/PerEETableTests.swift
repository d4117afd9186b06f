import Foundation
import Testing

@testable import Report

/// The run report's *EEs compared* table: per-EE figures from `slots.csv` rows with an `ee` column.
@Suite struct PerEETableTests {
    @Test("Witness bytes and gas per transaction, execution time and block bytes per block, per EE")
    func perEEFigures() throws {
        let parent = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = ReportFixtures.run(in: parent, name: "run", model: "one-slot", seed: 1, applied: 2, latencies: [1])
        // Two slots on one shard; token: 4 + 6 transactions, sparse: 2 + 2, the sparse EE's first block missed.
        let slots = """
            slot,shard,ee,missed,transactions,gas_used,witness_bytes,execution_time_us,block_bytes
            0,0,token,0,4,400,1000,10,2000
            0,0,sparse,1,0,0,0,0,0
            1,0,token,0,6,600,2000,30,4000
            1,0,sparse,0,2,9000,700,90,1500

            """
        try slots.write(to: folder.appendingPathComponent("slots.csv"), atomically: true, encoding: .utf8)
        let report = RunReport(input: try ReportInput(paths: [folder]))
        let table = try #require(report.tables.first { $0.title.hasPrefix("EEs compared") })
        #expect(table.groups == ["token", "sparse"])
        func means(_ metric: String) -> [Double?] {
            table.rows.first { $0.metric == metric }?.estimates.map { $0?.mean } ?? []
        }
        #expect(means("witness bytes per transaction") == [300, 350])
        #expect(means("gas per transaction") == [100, 4_500])
        // The sparse EE's missed slot is no block: its mean is over its one produced block.
        #expect(means("execution time per block (mean)") == [20, 90])
        #expect(means("block bytes per block (mean)") == [3_000, 1_500])
    }

    @Test("One EE: no per-EE table")
    func oneEE() throws {
        let parent = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = ReportFixtures.run(in: parent, name: "run", model: "one-slot", seed: 1, applied: 2, latencies: [1])
        #expect(FigureTable.perEE(try ReportInput(paths: [folder])) == nil)
    }
}
