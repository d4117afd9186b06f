import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `shardsim validate FILE…`: checks scenario files and prints each one fully resolved.
///
/// On success the canonical YAML goes to stdout (several files are separated by `---` document markers) and the
/// exit code is 0. Otherwise every problem of every file goes to stderr, one line each, and the exit code is 2.
/// The logic lives in the Scenarios module (the file) and in ``RunReadiness`` (what a run would refuse: unknown or
/// invalid EEs, a memory limit too small for an EE); this command only reads arguments and prints.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and print each one fully resolved.",
        discussion: """
            Prints the resolved scenario (every field, with its unit and default) as YAML on stdout. \
            Problems are printed on stderr as FILE:LINE:COLUMN: FIELD: expected …, found …, and the exit code is 2. \
            Every EE is also loaded as a run loads it, so what a run would refuse (an unknown builtin: name, a .wasm \
            that is not a valid EE, a workload EE the simulator cannot drive, execution.memoryLimit below what an EE \
            starts with) is reported here as FILE: problem.
            """
    )

    /// The scenario files to check.
    @Argument(help: "Scenario files (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String] = []

    @OptionGroup var scenarioOverrides: ScenarioOverridesOption

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("Give at least one scenario file, e.g. scenarios/quickstart.yaml.")
        }
    }

    func run() throws {
        var failed = false
        for (index, path) in files.enumerated() {
            do {
                let scenario = try Scenario.load(contentsOf: URL(fileURLWithPath: path), displayName: path)
                    .overriding(scenarioOverrides.overrides)
                let refusals = RunReadiness.problems(in: scenario)
                guard refusals.isEmpty else {
                    failed = true
                    for problem in refusals { Self.printError("\(path): \(problem)") }
                    continue
                }
                if files.count > 1 { print(index == 0 ? "--- # \(path)" : "\n--- # \(path)") }
                print(scenario.canonicalYAML, terminator: "")
                let points = scenario.sweepPoints()
                let seeds = scenario.seeds.count
                // A sweep may vary the run length; name it only when every point shares it.
                let lengths = Set(points.map(\.scenario.slotCount))
                let length = lengths.count == 1 ? " of \(scenario.slotCount) slots" : " of varying length"
                Self.printError(
                    "\(path): valid; \(plural(points.count, "sweep point")) × \(plural(seeds, "seed"))"
                        + " = \(plural(points.count * seeds, "run"))" + length)
            } catch {
                failed = true
                for problem in error.errors { Self.printError(problem.description) }
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// `1 seed`, `3 seeds`.
    private func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }

    /// Writes one line to stderr.
    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
