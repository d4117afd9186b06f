/// Runs that differ only by seed: one cross-shard model of a comparison, one point of a sweep, or one scenario.
public struct RunGroup: Sendable {
    /// The label shown in tables and legends, e.g. `one-slot`.
    public let name: String
    /// The runs, one per seed, in folder-name order.
    public let runs: [RunFolder]
}
