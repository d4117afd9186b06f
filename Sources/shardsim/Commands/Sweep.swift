import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `shardsim sweep SCENARIO`: every sweep point of a scenario, once per seed, in parallel child processes.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run every sweep point of a scenario once per seed, in parallel child processes.",
        discussion: """
            Each job (point × seed) is `shardsim run SCENARIO --point P --seed S` into its own run folder \
            p<P>-<values>-seed<S> inside the sweep folder, which also gets points.csv (one line per job, with the \
            command that runs it alone) and logs/. Finished jobs are skipped and interrupted ones resumed, so \
            running the same command again completes an interrupted sweep. Then `shardsim report DIR`.
            """
    )

    @Argument(help: "The scenario file (YAML), with seeds: and/or sweep:.", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(name: .long, help: "Runs at a time.")
    var jobs: Int = 1

    @Option(help: "The sweep folder; by default runs/NAME-sweep.")
    var out: String?

    @Option(help: "Replications to run instead of the scenario's seeds, e.g. 1,2,3.")
    var seeds: String?

    @Flag(help: "Only write points.csv (every job and the command that runs it alone), e.g. for a cluster job array.")
    var list = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let seeds, parsedSeeds(seeds) == nil {
            throw ValidationError("--seeds expects distinct integers separated by commas, e.g. 1,2,3; found '\(seeds)'.")
        }
    }

    func run() throws {
        var scenario = try loadScenario(self.scenario)
        if let seeds, let list = parsedSeeds(seeds) { scenario.seeds = list }
        let folder = URL(fileURLWithPath: out ?? SweepJob.defaultFolder(of: scenario))
        let all = SweepJob.all(of: scenario)
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let runner = SweepRunner(
            executable: executable, scenarioPath: self.scenario, folder: folder, parallel: jobs,
            threadsPerRun: max(1, cores / jobs))
        if list {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let index = SweepJob.index(all, scenarioPath: self.scenario, folder: folder.path)
            try index.write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
            print(index, terminator: "")
            return
        }
        let outcomes = try runner.run(all) { job, outcome in
            let what: String
            switch outcome {
            case .skipped: what = "already finished"
            case .finished: what = "finished"
            case .failed(let status): what = "FAILED (exit \(status), see logs/\(job.folderName).log)"
            }
            Terminal.error("job \(job.job + 1)/\(all.count) \(job.folderName): \(what)")
        }
        print("sweep: \(folder.path) (\(all.count) runs; index in points.csv)")
        if outcomes.contains(where: { if case .failed = $0 { true } else { false } }) { throw ExitCode(1) }
    }
}

/// `1,2,3` as distinct seeds; `nil` when it is not such a list.
func parsedSeeds(_ text: String) -> [UInt64]? {
    let seeds = text.split(separator: ",").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
    guard !seeds.isEmpty, seeds.allSatisfy({ $0 != nil }), Set(seeds).count == seeds.count else { return nil }
    return seeds.compactMap { $0 }
}

/// Loads a scenario file, printing its problems and exiting with status 2 when it is not valid.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try Scenario.load(contentsOf: URL(fileURLWithPath: path), displayName: path)
    } catch {
        for problem in error.errors { Terminal.error(problem.description) }
        throw ExitCode(2)
    }
}
