import Foundation
import Testing

@testable import Report

/// Every column a report reads is one the simulator writes: each name in ``ColumnNames`` is defined in
/// `Documentation/Outputs.md`, which a simulator test checks against the declarations the headers come from.
@Suite struct ColumnNamesDocumentedTests {
    @Test("Every column and file name the reports read is defined in Outputs.md")
    func columnNamesAreDocumented() throws {
        let outputs = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Documentation/Outputs.md"), encoding: .utf8)
        let columns = [
            ColumnNames.slot, ColumnNames.shard, ColumnNames.missed, ColumnNames.applied, ColumnNames.transactions,
            ColumnNames.gasUsed, ColumnNames.witnessBytes, ColumnNames.executionTime, ColumnNames.inboxAfter,
            ColumnNames.latencySubmissionSeconds, ColumnNames.latencySubmissionSlots, ColumnNames.latencyInclusionSlots,
            ColumnNames.latencyInclusionSeconds, ColumnNames.ee, ColumnNames.ethInFlight, ColumnNames.outcome,
            ColumnNames.metric, ColumnNames.value, ColumnNames.unit, ColumnNames.pointsFolder, ColumnNames.pointsLabel,
        ]
        for column in columns + ColumnNames.pointsFixedColumns.sorted() {
            #expect(outputs.contains("| `\(column)` |"), "\(column)")
        }
        for file in [
            ColumnNames.slotsFile, ColumnNames.transfersFile, ColumnNames.summaryFile, ColumnNames.feesFile,
            ColumnNames.comparisonFile, ColumnNames.pointsFile, ColumnNames.inflightFile,
        ] {
            #expect(outputs.contains("## `\(file)`"), "\(file)")
        }
        for metric in SweepFigures.metrics { #expect(outputs.contains("| `\(metric)` |"), "\(metric)") }
    }
}
