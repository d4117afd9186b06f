import Beacon
import Scenarios

/// A period of changed demand on some shards (`workload.spike`): from `from` (inclusive) to `until` (exclusive),
/// the listed shards' arrival rate is multiplied by `multiplier`.
///
/// The rate applies to the gap drawn at each arrival (the gap after an arrival uses the rate at that arrival), a
/// piecewise approximation of a non-homogeneous Poisson process that keeps one draw per arrival, so a scenario
/// without a spike draws exactly what it drew before.
package struct DemandSpike: Sendable, Hashable {
    /// When the spike starts (inclusive).
    package var from: SimTime
    /// When it ends (exclusive).
    package var until: SimTime
    /// The factor on the arrival rate during the spike.
    package var multiplier: Double
    /// The shards that spike.
    package var shards: Set<Int>

    /// No spike.
    package static let none = DemandSpike(from: .genesis, until: .genesis, multiplier: 1, shards: [])

    /// Creates a spike.
    package init(from: SimTime, until: SimTime, multiplier: Double, shards: Set<Int>) {
        self.from = from
        self.until = until
        self.multiplier = multiplier
        self.shards = shards
    }

    /// The scenario's spike.
    init(_ spike: Scenario.Spike) {
        self.init(
            from: SimTime(micros: spike.from.micros), until: SimTime(micros: spike.until.micros),
            multiplier: spike.multiplier.doubleValue, shards: Set(ShardList.parse(spike.shards) ?? []))
    }

    /// The factor on `shard`'s arrival rate at `time`.
    func multiplier(shard: ShardID, at time: SimTime) -> Double {
        guard shards.contains(Int(shard.index)), from <= time, time < until else { return 1 }
        return multiplier
    }
}
