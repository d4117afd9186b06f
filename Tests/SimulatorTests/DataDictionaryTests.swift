import Foundation
import Testing

@testable import Simulator

/// The documented data dictionary is the one the code writes into every run folder.
@Suite struct DataDictionaryTests {
    @Test("Documentation/Outputs.md matches the schemas the CSV headers come from")
    func documentationMatches() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let documented = try String(
            contentsOf: root.appendingPathComponent("Documentation/Outputs.md"), encoding: .utf8)
        // Both start with their own title; compare from the first table on.
        let generated = DataDictionary.markdown
        let fromTable: (String) -> Substring = { text in
            text[(text.range(of: "| file |")?.lowerBound ?? text.startIndex)...]
        }
        #expect(
            fromTable(documented) == fromTable(generated),
            "regenerate Documentation/Outputs.md from a run folder's README.md")
    }

    @Test("Every CSV header column is unique and documented with a unit")
    func columns() {
        for schema in OutputSchemas.all {
            #expect(Set(schema.columns.map(\.name)).count == schema.columns.count, "\(schema.file)")
            #expect(schema.columns.allSatisfy { !$0.unit.isEmpty && !$0.meaning.isEmpty })
        }
    }
}
