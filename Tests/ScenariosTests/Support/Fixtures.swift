import Foundation
import Scenarios

/// Paths to fixtures and shipped files, found from this source file's location (`#filePath`), the way WasmKit's
/// CLI tests find theirs.
enum Fixtures {
    /// `Tests/ScenariosTests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The package root.
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The fixture at `path` (relative to `Fixtures/`).
    static func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    /// Loads the scenario fixture at `path`, naming it `path` in messages.
    static func scenario(_ path: String) throws(ScenarioErrors) -> Scenario {
        try Scenario.load(contentsOf: url(path), displayName: path)
    }

    /// The error lines for the scenario fixture at `path`, or `[]` if it loads.
    static func errorLines(_ path: String) -> [String] {
        do {
            _ = try scenario(path)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// The errors for the scenario fixture at `path`, or `[]` if it loads.
    static func errors(_ path: String) -> [ScenarioError] {
        do {
            _ = try scenario(path)
            return []
        } catch {
            return error.errors
        }
    }

    /// The errors for scenario text, or `[]` if it parses.
    static func errors(yaml: String) -> [ScenarioError] {
        do {
            _ = try Scenario.parse(yaml: yaml, file: "test.yaml")
            return []
        } catch {
            return error.errors
        }
    }
}
