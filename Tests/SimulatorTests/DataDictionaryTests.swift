import Foundation
import Testing

@testable import Simulator

/// The documented data dictionary is the one the code writes into every run folder.
///
/// To regenerate `Documentation/Outputs.md` after changing a declaration, run
/// `SHARDSIM_RECORD_OUTPUTS_MD=1 swift test --filter DataDictionaryTests`: the test writes the file and fails, so a
/// new dictionary is never recorded silently; run it again without the variable to see it pass.
@Suite struct DataDictionaryTests {
    static let outputsPage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Documentation/Outputs.md")

    @Test("Documentation/Outputs.md matches the declarations the CSV headers come from")
    func documentationMatches() throws {
        let generated = DataDictionary.outputsPage
        if ProcessInfo.processInfo.environment["SHARDSIM_RECORD_OUTPUTS_MD"] == "1" {
            try generated.write(to: Self.outputsPage, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.outputsPage.path): run again without SHARDSIM_RECORD_OUTPUTS_MD")
            return
        }
        let documented = try String(contentsOf: Self.outputsPage, encoding: .utf8)
        #expect(
            documented == generated,
            "regenerate it: SHARDSIM_RECORD_OUTPUTS_MD=1 swift test --filter DataDictionaryTests")
    }

    @Test("Every CSV header column is unique and documented with a unit")
    func columns() {
        for schema in OutputSchemas.all {
            #expect(Set(schema.columns.map(\.name)).count == schema.columns.count, "\(schema.file)")
            #expect(schema.columns.allSatisfy { !$0.unit.isEmpty && !$0.meaning.isEmpty })
        }
    }
}
