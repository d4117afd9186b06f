import Foundation
import Testing

@testable import Scenarios

/// `Documentation/Scenarios.md` describes every field of the schema, so the reference cannot fall behind the code.
@Suite struct DocumentationTests {
    @Test("Every field path appears in the scenario reference")
    func everyFieldDocumented() throws {
        let reference = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Documentation/Scenarios.md"), encoding: .utf8)
        let paths =
            ScenarioSchema.topLevelKeys + ScenarioSchema.sweepableFields.map(\.path)
            + ScenarioSchema.executionEnvironment.fields.map { "ees[].\($0.key)" }
        let missing = paths.filter { !reference.contains("`\($0)`") }
        #expect(missing.isEmpty, "undocumented fields: \(missing)")
    }
}
