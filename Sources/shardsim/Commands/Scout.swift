import ArgumentParser
import Foundation
import Scenarios
import Shard
import Simulator

/// `shardsim scout FILE.yaml…`: runs Scout test cases and says whether each post state matches.
struct ScoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scout",
        abstract: "Run Scout test cases (YAML) against their EEs.",
        discussion: """
            Prints one line per block (EE, result, gas, wall time) and a verdict per file. Exits 0 when every post \
            state matches, 1 when one does not (expected and actual roots are shown), 2 on bad input.
            """
    )

    @Argument(help: "Scout test files.", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    @Option(help: "Gas available to each execution.")
    var gasLimit: UInt64 = EERuntime.Limits.default.gasLimit

    @Flag(help: "Print what the EEs log through the debug_* functions.")
    var verbose = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one Scout test file.") }
        guard gasLimit > 0 else { throw ValidationError("--gas-limit must be positive.") }
    }

    func run() throws {
        let runner = ScoutRunner(limits: .init(gasLimit: gasLimit, memoryLimitBytes: EERuntime.Limits.default.memoryLimitBytes))
        var badInput = false
        var mismatch = false
        for file in files {
            let loaded: ScoutLoadResult
            do {
                loaded = try ScoutTestCase.load(contentsOf: URL(fileURLWithPath: file), displayName: file)
            } catch {
                Terminal.error(error.description)
                badInput = true
                continue
            }
            for warning in loaded.warnings { Terminal.error(warning.description) }
            let report: ScoutReport
            do {
                report = try runner.run(ScoutCase(loaded.testCase, source: file))
            } catch {
                Terminal.error("\(file): \(error.description)")
                badInput = true
                continue
            }
            print(ScoutReportText(file: file, report: report, verbose: verbose).rendered)
            if !report.passed { mismatch = true }
        }
        if badInput { throw ExitCode(2) }
        if mismatch { throw ExitCode(1) }
    }
}
