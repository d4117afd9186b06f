/// A component's own seeded random stream, derived from the run seed and the component's stable name.
///
/// Every component of a run (a shard's workload, a relayer, the proposer schedule) draws from its own stream, named
/// like a path: `"workload/shard-3"`, `"relayer/7"`, `"beacon/proposers"`. A stream depends only on the run seed and
/// its name, never on which other streams exist or how much they have drawn, so adding a component does not shift
/// anyone else's draws, and a run is reproducible from its seed alone.
///
/// **Derivation** (fixed forever; the golden-value tests fail if it changes):
///
/// 1. `h = FNV-1a-64(UTF-8 bytes of name)`;
/// 2. `s = SplitMix64.mix(runSeed) ^ h`;
/// 3. the generator is xoshiro256** whose four state words are the first four outputs of SplitMix64 seeded with `s`.
///
/// Mixing the seed first means that, for one run seed, two names give the same stream only if their 64-bit FNV
/// hashes collide. Nothing here uses Swift's `Hasher` (seeded afresh per process) or the system generator.
///
/// The draws the simulation needs are in extensions, written out by hand so their algorithms cannot change under
/// us: ``uniform(below:)-(UInt64)``, ``unitDouble()``, ``bernoulli(_:)``, ``exponential(mean:)``,
/// ``poisson(mean:)``, and ``ZipfDistribution``.
///
/// A stream is a value: a copy continues from the same state and repeats the original's draws. Keep one stream per
/// component, stored where the component lives.
package struct RandomStream: RandomNumberGenerator, Equatable {
    /// The component name the stream was derived from.
    package let name: String
    private var generator: Xoshiro256StarStar

    /// Derives the stream named `name` of the run seeded with `runSeed`.
    ///
    /// - Precondition: `name` is ASCII, so that no Unicode normalization question can make two spellings of one
    ///   name differ in bytes.
    package init(runSeed: UInt64, name: String) {
        precondition(name.utf8.allSatisfy { $0 < 0x80 }, "random stream names must be ASCII, got \"\(name)\"")
        self.name = name
        self.generator = Xoshiro256StarStar(seed: Self.derivedSeed(runSeed: runSeed, name: name))
    }

    /// The SplitMix64 seed of the stream `name` in the run seeded with `runSeed` (steps 1–2 of the derivation).
    package static func derivedSeed(runSeed: UInt64, name: String) -> UInt64 {
        SplitMix64.mix(runSeed) ^ FNV1a64.hash(name.utf8)
    }

    /// A stream named `name` continuing from generator state `state` (from ``generatorState``), for checkpoints.
    package init(name: String, generatorState state: (UInt64, UInt64, UInt64, UInt64)) {
        self.name = name
        self.generator = Xoshiro256StarStar(state: state)
    }

    /// The generator's state words: with the name, everything needed to continue the stream.
    package var generatorState: (UInt64, UInt64, UInt64, UInt64) { generator.state }

    /// The next 64 uniformly distributed bits.
    package mutating func next() -> UInt64 { generator.next() }
}

/// A stream is stored as its name and its generator's four state words: everything needed to continue it.
extension RandomStream: Codable {
    private enum CodingKeys: String, CodingKey { case name, state }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([UInt64].self, forKey: .state)
        guard words.count == 4 else {
            throw DecodingError.dataCorruptedError(forKey: .state, in: container, debugDescription: "expected 4 words")
        }
        self.init(
            name: try container.decode(String.self, forKey: .name),
            generatorState: (words[0], words[1], words[2], words[3]))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let s = generatorState
        try container.encode(name, forKey: .name)
        try container.encode([s.0, s.1, s.2, s.3], forKey: .state)
    }
}
