import Foundation
import Scenarios

/// `shardsim compare`: the same scenario and seeds under several cross-shard models, side by side.
///
/// Layout of the comparison folder (a contract: `shardsim report` reads it):
/// - `<model>-seed<N>/`: an ordinary run folder per model and seed, as `shardsim run` writes it (its `run.json`
///   names the model in `crossShardModel`);
/// - `comparison.csv`: one row per model and seed, columns ``ComparisonRow/columns`` (`model`, `seed`, figures);
/// - `comparison.md`: the summary table;
/// - `inflight.csv`: ETH in flight at the end of every slot, per model and seed (long format).
package struct ModelComparison {
    package var scenario: Scenario
    package var models: [CrossShardModel]
    package var seeds: [UInt64]
    package var folder: URL
    package var threads: Int?

    /// A comparison of `models` on `scenario` with `seeds`, written into `folder`.
    package init(scenario: Scenario, models: [CrossShardModel], seeds: [UInt64], folder: URL, threads: Int? = nil) {
        self.scenario = scenario
        self.models = models
        self.seeds = seeds
        self.folder = folder
        self.threads = threads
    }

    /// The default folder: `runs/<scenario>-compare`.
    package static func defaultFolder(for scenario: Scenario) -> String { "runs/\(scenario.name)-compare" }

    /// Seeds for `count` replications: the scenario's own first, then the integers after the largest of them.
    package static func seeds(_ count: Int?, scenario: Scenario) -> [UInt64] {
        var seeds = scenario.seeds.isEmpty ? [1] : scenario.seeds
        guard let count else { return seeds }
        var next = (seeds.max() ?? 0) + 1
        while seeds.count < count {
            seeds.append(next)
            next += 1
        }
        return Array(seeds.prefix(count))
    }

    /// Runs every model with every seed (models in the given order, seeds inner) and writes the comparison files.
    ///
    /// - Parameter starting: called before each run with its model and seed.
    /// - Parameter progress: forwarded to each run.
    /// - Returns: the rows of `comparison.csv`.
    @discardableResult
    package func run(
        starting: ((CrossShardModel, UInt64) -> Void)? = nil, progress: ((SimulationProgress) -> Void)? = nil
    ) throws(SimulationError) -> [ComparisonRow] {
        var rows: [ComparisonRow] = []
        for model in models {
            for seed in seeds {
                starting?(model, seed)
                var scenario = self.scenario
                scenario.crossShard.model = model
                let name = "\(model.rawValue)-seed\(seed)"
                let runFolder = folder.appendingPathComponent(name)
                let settings = try SimulationSettings(scenario: scenario, seed: seed, threads: threads)
                let simulation = Simulation(settings: settings, output: RunOutput(folder: runFolder))
                try simulation.run(progress: progress)
                let seconds = Double(simulation.totals.slots) * settings.clock.slotDuration.seconds
                rows.append(
                    try RunFigures.row(
                        model: model.rawValue, seed: seed, folder: runFolder, displayFolder: name,
                        totals: simulation.totals, simulatedSeconds: seconds))
            }
        }
        Self.addExtras(&rows)
        try write(rows)
        return rows
    }

    /// Extra gas and witness bytes per transfer against the one-slot run of the same seed.
    static func addExtras(_ rows: inout [ComparisonRow]) {
        for index in rows.indices {
            guard let base = rows.first(where: { $0.model == CrossShardModel.oneSlot.rawValue && $0.seed == rows[index].seed }),
                rows[index].delivered > 0
            else { continue }
            let delivered = Double(rows[index].delivered)
            rows[index].extraGasPerTransfer = (Double(rows[index].gasExecuted) - Double(base.gasExecuted)) / delivered
            rows[index].extraWitnessBytesPerTransfer =
                (Double(rows[index].witnessBytesExecuted) - Double(base.witnessBytesExecuted)) / delivered
        }
    }

    private func write(_ rows: [ComparisonRow]) throws(SimulationError) {
        var csv = ComparisonRow.columns.joined(separator: ",") + "\n"
        for row in rows { csv += row.fields.joined(separator: ",") + "\n" }
        var inflight = "model,seed,slot,eth_in_flight_gwei\n"
        for row in rows {
            for entry in try RunFigures.table(folder.appendingPathComponent(row.folder), OutputSchemas.inflight.file) {
                inflight += "\(row.model),\(row.seed),\(entry["slot"] ?? ""),\(entry["eth_in_flight_gwei"] ?? "")\n"
            }
        }
        let files = [
            ("comparison.csv", csv), ("comparison.md", ComparisonTable.markdown(rows, scenario: scenario)),
            ("inflight.csv", inflight),
        ]
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
                throw .output(url.path, error.localizedDescription)
            }
        }
    }
}
