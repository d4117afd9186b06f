import Foundation

/// A fully resolved scenario: every field of a scenario file, with its default filled in where the file was silent.
///
/// Load one with ``load(contentsOf:displayName:)`` or ``parse(yaml:file:baseDirectory:)``; write it back with
/// ``canonicalYAML``, which re-parses to an equal value. A scenario with a ``sweep`` stands for a grid of runs:
/// ``sweepPoints()`` lists them. Each point runs once per seed in ``seeds``.
///
/// The values use this module's own unit types (``TimeSpan``, ``EtherAmount``, ``GasAmount``, ``ByteCount``,
/// ``Fraction``, ``SlotDelay``, ``FixedDecimal``) because Scenarios depends on nothing else of ours; the simulator
/// converts them. `Scenario()` is the all-defaults scenario, the same as loading a file that sets only `name`.
package struct Scenario: Hashable, Sendable {
    /// A short name for the scenario, used in run folder names: 1 to 64 of `A–Z a–z 0–9 . _ -`, not starting with
    /// `.`. Default `unnamed`.
    package var name = "unnamed"
    /// Free text for humans. Default empty.
    package var description = ""
    /// Random seeds, one replication per seed, in the order given. Default `[1]`.
    package var seeds: [UInt64] = [1]
    /// How long each run lasts. Default 32 slots (one epoch at the default epoch length).
    package var runLength = RunLength.slots(32)
    /// The beacon chain: slot clock and proposers.
    package var beacon = Beacon()
    /// The shard chains.
    package var shards = Shards()
    /// The execution environments registered at genesis; the list index is the EE id. Default: one token EE.
    package var ees: [ExecutionEnvironment] = [ExecutionEnvironment()]
    /// Limits of the wasm runtime.
    package var execution = Execution()
    /// The users' transactions.
    package var workload = Workload()
    /// How ETH moves between shards.
    package var crossShard = CrossShard()
    /// The EIP-1559 fee market.
    package var fees = Fees()
    /// Which transfers are measured: a warm-up at the start, a drain at the end.
    package var measurement = Measurement()
    /// The network between validators; off (instant delivery) unless the file has a `network:` section.
    package var network = Network()
    /// A grid of variations of this scenario, each run separately. Default: none.
    package internal(set) var sweep = Sweep()

    /// The all-defaults scenario.
    package init() {}

    /// The run length in slots: ``RunLength/slots(_:)`` as is, or a ``RunLength/duration(_:)`` divided by
    /// ``Beacon/slotDuration`` (loading checks that it divides evenly).
    package var slotCount: UInt64 {
        switch runLength {
        case .slots(let count):
            return count
        case .duration(let span):
            return beacon.slotDuration.micros == 0 ? 0 : span.micros / beacon.slotDuration.micros
        }
    }

    /// The warm-up in slots (``Measurement/warmUp``), given the epoch length; `nil` if it does not fit 64 bits.
    package var warmUpSlots: UInt64? { measurement.warmUp.slots(slotsPerEpoch: beacon.slotsPerEpoch) }

    /// The drain cap in slots (``Measurement/drain``), given the epoch length; `nil` if it does not fit 64 bits.
    package var drainSlots: UInt64? { measurement.drain.slots(slotsPerEpoch: beacon.slotsPerEpoch) }

    /// The EIP-1559 gas target per block: ``Shards/blockGasLimit`` divided by ``Fees/elasticity`` (rounded
    /// down), as EIP-1559 derives it.
    package var targetGasPerBlock: GasAmount {
        GasAmount(shards.blockGasLimit.gas / UInt64(max(fees.elasticity, 1)))
    }
}

/// How long a run lasts: a number of slots, or a length of simulated time that is a whole number of slots.
package enum RunLength: Hashable, Sendable {
    /// A number of slots (`slots: 300`).
    case slots(UInt64)
    /// A length of simulated time (`duration: 1h`).
    case duration(TimeSpan)
}
