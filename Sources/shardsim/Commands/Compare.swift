import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `shardsim compare SCENARIO`: the same workload and seeds under each cross-shard model, side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run a scenario under several cross-shard models with the same seeds and compare them.",
        discussion: """
            Each model runs the scenario's workload with every seed (the scenario's crossShard.model is replaced; \
            finalityDelay and revertProbability are kept). The output folder holds one ordinary run folder per \
            model and seed (<model>-seed<N>/), comparison.csv (one row per model and seed: latency p50/p95/p99 \
            from submission to delivery in seconds and slots, and from inclusion in slots, throughput, failed and rolled-back transfers, ETH in flight, gas and witness bytes \
            per transfer and their excess over one-slot), comparison.md (the summary table, also printed) and \
            inflight.csv (ETH in flight per slot, per model and seed). Models are described in \
            Documentation/CrossShardModels.md. Run again on the same folder, it skips the runs that finished and \
            resumes those that were interrupted (it says which), so an interrupted comparison completes.
            """
    )

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(
        help: ArgumentHelp(
            "Comma-separated models to compare.",
            discussion:
                "One or more of \(CrossShardModel.allCases.map(\.rawValue).joined(separator: ", ")); all by default."))
    var models: String?

    @Option(
        help: ArgumentHelp(
            "Seeds per model: a count (5 = the first five) or a list (1,2,3); default 5.",
            discussion: "The first N are the scenario's seeds, then the integers after the largest of them."))
    var seeds: String?

    @Option(help: "The comparison folder; by default runs/NAME-compare.")
    var out: String?

    @OptionGroup var execution: ThreadsOption

    @OptionGroup var scenarioOverrides: ScenarioOverridesOption

    func validate() throws {
        if let seeds {
            do { _ = try SeedSelection(parsing: seeds) } catch { throw ValidationError(error.description) }
        }
        _ = try parsedModels()
    }

    /// The models of `--models`, in the order given.
    func parsedModels() throws -> [CrossShardModel] {
        guard let models else { return CrossShardModel.allCases }
        var parsed: [CrossShardModel] = []
        for name in models.split(separator: ",", omittingEmptySubsequences: false) {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let model = CrossShardModel(rawValue: name) else {
                throw ValidationError(
                    "--models: '\(name)' is not a cross-shard model; expected one of "
                        + CrossShardModel.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            guard !parsed.contains(model) else { throw ValidationError("--models: '\(name)' is listed twice.") }
            parsed.append(model)
        }
        return parsed
    }

    func run() throws {
        let scenario = try scenarioOverrides.load(self.scenario)
        let folder = URL(fileURLWithPath: out ?? ModelComparison.defaultFolder(for: scenario))
        let comparison = ModelComparison(
            scenario: scenario, models: try parsedModels(),
            seeds: try (seeds.map(SeedSelection.init(parsing:)) ?? ModelComparison.defaultSeeds).seeds(for: scenario),
            folder: folder, threads: execution.threads)
        let progress = ProgressLine()
        let rows: [ComparisonRow]?
        do {
            rows = try comparison.run(
                starting: { model, seed, step in
                    progress.finish()
                    let run = "\(model.rawValue), seed \(seed)"
                    switch step {
                    case .run: Terminal.error("running \(run)")
                    case .skip: Terminal.error("skipping \(run): finished in an earlier attempt")
                    case .resume(let slot): Terminal.error("resuming \(run) after slot \(slot), its last checkpoint")
                    case .restart: Terminal.error("restarting \(run) from genesis: interrupted before a checkpoint")
                    }
                }, progress: { progress.show($0) })
            progress.finish()
        } catch {
            progress.finish()
            Terminal.error("error: \(error.description)")
            throw ExitCode(1)
        }
        guard let rows else {
            Terminal.error("interrupted; run the same command again to continue the comparison where it stopped")
            throw ExitCode(130)
        }
        print(ComparisonTable.table(rows), terminator: "")
        print("results: \(folder.path)")
    }
}
