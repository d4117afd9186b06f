/// Runs that differ only by seed: one cross-shard model of a comparison, one point of a sweep, or one scenario.
public struct RunGroup: Sendable {
    /// The label shown in tables and legends, e.g. `one-slot`.
    public let name: String
    /// The runs, one per seed, in folder-name order.
    public let runs: [RunFolder]
    /// For a sweep point: each swept field's `points.csv` column and its value, e.g.
    /// `workload.crossShardFraction_pct: 20`; empty otherwise.
    public let coordinates: [String: String]

    public init(name: String, runs: [RunFolder], coordinates: [String: String] = [:]) {
        self.name = name
        self.runs = runs
        self.coordinates = coordinates
    }
}
