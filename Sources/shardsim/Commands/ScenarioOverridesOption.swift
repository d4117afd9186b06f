import ArgumentParser
import Foundation
import Scenarios

/// `--set FIELD=VALUE` (repeatable): scenario fields overridden on the command line, read and checked exactly as
/// the file's own fields are.
struct ScenarioOverridesOption: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a scenario field, e.g. --set shards.count=8 --set beacon.slotDuration=6s (repeatable).",
            discussion: "Any field a sweep may vary; the value is written and checked as in the file.",
            valueName: "FIELD=VALUE"))
    var overrides: [String] = []

    /// The scenario at `path` with the overrides applied; problems are printed and exit with status 2.
    func load(_ path: String) throws -> Scenario {
        let scenario = try loadScenario(path)
        do {
            return try scenario.overriding(overrides)
        } catch {
            for problem in error.errors { Terminal.error(problem.description) }
            throw ExitCode(2)
        }
    }
}
