/// Hands out the random streams of one run, and catches two components asking for the same name.
///
/// Two components sharing a name would draw identical numbers, a correlation no statistic would reveal; the factory
/// makes that a precondition failure instead.
///
/// ```swift
/// let streams = RandomStreams(runSeed: scenario.seed)
/// var arrivals = streams.make("workload/shard-\(shard.index)")
/// let gap = arrivals.exponentialDuration(mean: .milliseconds(250))
/// ```
package final class RandomStreams {
    /// The run seed every stream derives from.
    package let runSeed: UInt64
    // Only for the duplicate check; its order never reaches an output.
    private var issuedNames: Set<String> = []

    /// Creates the factory for the run seeded with `runSeed`.
    package init(runSeed: UInt64) { self.runSeed = runSeed }

    /// The stream named `name`; see ``RandomStream`` for the derivation.
    ///
    /// - Precondition: No stream of this name was made before by this factory.
    package func make(_ name: String) -> RandomStream {
        precondition(issuedNames.insert(name).inserted, "random stream \"\(name)\" was requested twice")
        return RandomStream(runSeed: runSeed, name: name)
    }
}
