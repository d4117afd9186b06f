import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `shardsim run SCENARIO`: simulates a scenario and writes a run folder of CSV metrics.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write a run folder of CSV metrics.",
        discussion: """
            Writes scenario.yaml (resolved), run.json, slots.csv, slots-wall.csv, transfers.csv, summary.csv and a \
            data dictionary (README.md) into the output folder. Slot rows are on disk as soon as the slot ends.
            """
    )

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "The seed; by default the scenario's first seed.")
    var seed: UInt64?

    @Option(help: "The run folder; by default runs/NAME-seedN.")
    var out: String?

    @Option(help: "Worker threads executing shards; by default the scenario's execution.threads (0 = one per core).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
    }

    func run() throws {
        let scenario: Scenario
        do {
            scenario = try Scenario.load(contentsOf: URL(fileURLWithPath: self.scenario), displayName: self.scenario)
        } catch {
            for problem in error.errors { Terminal.error(problem.description) }
            throw ExitCode(2)
        }
        let seed = self.seed ?? scenario.seeds.first ?? 1
        let folder = URL(fileURLWithPath: out ?? "runs/\(scenario.name)-seed\(seed)")
        do {
            let settings = try SimulationSettings(scenario: scenario, seed: seed, threads: threads)
            let output = RunOutput(folder: folder)
            let simulation = Simulation(settings: settings, output: output)
            let progress = ProgressLine()
            try simulation.run { progress.show($0) }
            progress.finish()
        } catch {
            Terminal.error("error: \(error.description)")
            Terminal.error("finished slots are in \(folder.path)")
            throw ExitCode(1)
        }
        print("results: \(folder.path)")
    }
}
