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
            state matches, 1 when one does not (expected and actual roots are shown), 2 on bad input. \
            Scout has no instruction metering, so cases written for it may need far more of shardsim's gas than a \
            simulated block: each execution gets 4,000,000,000 gas by default (the heaviest public Scout cases, \
            pairings and signature verification, need 10^8 to 2×10^9) and a wall-clock limit of 8 s, so an endless \
            loop ends within seconds either way, with its reason (out of gas, or the wall-clock limit). \
            execution_scripts may name built-in EEs as builtin:NAME (see `shardsim ees`).
            """
    )

    @Argument(help: "Scout test files.", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    @Option(help: "Gas available to each execution.")
    var gasLimit: UInt64 = ScoutRunner.defaultLimits.gasLimit

    @Option(help: "Wall-clock seconds each execution may run (0 = no limit).")
    var timeLimit: Double = 8

    @Flag(help: "Print what the EEs log through the debug_* functions.")
    var verbose = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one Scout test file.") }
        guard gasLimit > 0 else { throw ValidationError("--gas-limit must be positive.") }
        guard timeLimit >= 0, timeLimit.isFinite else {
            throw ValidationError("--time-limit must be 0 or more seconds.")
        }
    }

    func run() throws {
        let runner = ScoutRunner(
            limits: .init(
                gasLimit: gasLimit, memoryLimitBytes: ScoutRunner.defaultLimits.memoryLimitBytes,
                wallClockLimit: timeLimit > 0 ? .milliseconds(Int64(timeLimit * 1000)) : nil))
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
