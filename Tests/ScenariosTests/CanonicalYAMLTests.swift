import Foundation
import Testing

@testable import Scenarios

/// The canonical YAML is stable byte for byte and re-parses to an equal scenario.
@Suite struct CanonicalYAMLTests {
    static let fixtures = [
        "good/minimal.yaml", "good/full.yaml", "good/sweep.yaml", "good/anchors.yaml", "good/sections-null.yaml",
    ]

    @Test("Rendering then parsing gives an equal scenario", arguments: fixtures)
    func roundTrip(fixture: String) throws {
        let scenario = try Fixtures.scenario(fixture)
        let text = scenario.canonicalYAML
        let again = try Scenario.parse(yaml: text, file: "canonical.yaml")
        #expect(again == scenario)
        #expect(again.canonicalYAML == text)
        #expect(again.sweepPoints() == scenario.sweepPoints())
    }

    @Test("The all-defaults scenario round-trips")
    func defaultsRoundTrip() throws {
        #expect(try Scenario.parse(yaml: Scenario().canonicalYAML) == Scenario())
    }

    @Test(
        "Awkward text in names and descriptions survives the round trip",
        arguments: [
            "", "plain", "with: colon", "# hash", "'single'", "\"double\"", "line\nbreak", "tab\there", "back\\slash",
            "true", "null", "~", "- dash", "unicode é ✓ 🚀", "\u{7}bell", "\u{2028}separator", " leading space",
        ])
    func awkwardText(description: String) throws {
        var scenario = Scenario()
        scenario.description = description
        #expect(try Scenario.parse(yaml: scenario.canonicalYAML) == scenario)
    }

    @Test("Rendering is the same every time and lists every section in a fixed order")
    func stable() throws {
        let scenario = try Fixtures.scenario("good/full.yaml")
        let texts = (0..<5).map { _ in scenario.canonicalYAML }
        #expect(Set(texts).count == 1)
        let topKeys = texts[0].split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("#") }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(topKeys == ScenarioSchema.topLevelKeys.filter { $0 != "slots" })
    }

    @Test("The quickstart scenario renders exactly as the checked-in golden file")
    func golden() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("scenarios/quickstart.yaml")
        try expectGolden(try Scenario.load(contentsOf: url).canonicalYAML, "golden/quickstart.yaml")
    }

    @Test("A sweep renders exactly as the checked-in golden file")
    func goldenSweep() throws {
        try expectGolden(try Fixtures.scenario("good/sweep.yaml").canonicalYAML, "golden/sweep.yaml")
    }

    /// Compares with a checked-in file. A missing or different golden fails: a new golden must be written and
    /// reviewed by hand, never re-blessed by the test.
    private func expectGolden(_ actual: String, _ path: String) throws {
        let golden = try? String(contentsOf: Fixtures.url(path), encoding: .utf8)
        #expect(golden == actual, "golden \(path) differs; the rendering is:\n\(actual)")
    }
}
