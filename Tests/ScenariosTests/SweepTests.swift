import Testing

@testable import Scenarios

/// Sweeps expand in the documented order (first key slowest, keys in file order) with stable indices and labels,
/// and each point carries its values.
@Suite struct SweepTests {
    @Test("Points are enumerated with the first key varying slowest")
    func order() throws {
        let points = try Fixtures.scenario("good/sweep.yaml").sweepPoints()
        #expect(points.map(\.index) == Array(0..<6))
        #expect(
            points.map(\.label) == [
                "workload.crossShardFraction=10%,shards.count=16",
                "workload.crossShardFraction=10%,shards.count=64",
                "workload.crossShardFraction=10%,shards.count=1024",
                "workload.crossShardFraction=20%,shards.count=16",
                "workload.crossShardFraction=20%,shards.count=64",
                "workload.crossShardFraction=20%,shards.count=1024",
            ])
        #expect(points.map(\.scenario.shards.count) == [16, 64, 1024, 16, 64, 1024])
        #expect(
            points.map(\.scenario.workload.crossShardFraction.partsPerBillion) == [
                100_000_000, 100_000_000, 100_000_000, 200_000_000, 200_000_000, 200_000_000,
            ])
    }

    @Test("A point is the base scenario with its values applied and no sweep")
    func pointScenario() throws {
        let base = try Fixtures.scenario("good/sweep.yaml")
        let point = base.sweepPoints()[4]
        var expected = base
        expected.sweep = Sweep()
        expected.shards.count = 64
        expected.workload.crossShardFraction = Fraction(percent: 20)
        #expect(point.scenario == expected)
        #expect(point.scenario.sweepPoints().count == 1)
    }

    @Test("Without a sweep there is one point: index 0, an empty label, the scenario itself")
    func noSweep() throws {
        let scenario = try Fixtures.scenario("good/minimal.yaml")
        #expect(scenario.sweep.pointCount == 1)
        #expect(scenario.sweepPoints() == [SweepPoint(index: 0, label: "", scenario: scenario)])
    }

    @Test("A sweep can vary the run length and every section's fields")
    func runLengthAxis() throws {
        let scenario = try Scenario.parse(
            yaml: """
                slots: 10
                sweep:
                  duration: [1m, 2m]
                  crossShard.model: [one-slot, optimistic]
                  workload.amount.max: [2 ETH]
                """)
        let points = scenario.sweepPoints()
        #expect(points.map(\.scenario.slotCount) == [5, 5, 10, 10])
        #expect(points.map(\.scenario.crossShard.model) == [.oneSlot, .optimistic, .oneSlot, .optimistic])
        #expect(points.allSatisfy { $0.scenario.workload.amount.max == EtherAmount(eth: 2) })
        #expect(points[3].label == "duration=2m,crossShard.model=optimistic,workload.amount.max=2 ETH")
    }

    @Test(
        "Sweep problems are reported with their lines",
        arguments: [
            (
                "sweep: [1, 2]",
                "test.yaml:1:8: sweep: expected a mapping from field paths to lists of values (e.g. shards.count: [16, 64]), found a list"
            ),
            (
                "sweep:\n  shards.count: [4, 4]",
                "test.yaml:2:21: sweep.shards.count[1]: expected a value not already on this axis, found '4'"
            ),
            (
                "sweep:\n  shards.count: []",
                "test.yaml:2:17: sweep.shards.count: expected a list of 1 to 1000 values (e.g. [16, 64]), found 0 values"
            ),
            (
                "sweep:\n  name: [a, b]",
                "test.yaml:2:3: sweep.name: unknown key; expected one of the field paths a sweep can vary: "
                    + ScenarioSchema.sweepableFields.map(\.path).joined(separator: ", ")
            ),
            (
                "sweep:\n  slots: [1]\n  duration: [12s]",
                "test.yaml:3:3: sweep.duration: conflicts with sweep.slots; expected either duration or slots, not both"
            ),
        ])
    func problems(yaml: String, line: String) {
        #expect(Fixtures.errors(yaml: yaml).map(\.description) == [line])
    }

    @Test("A sweep larger than the cap is rejected before any point is built")
    func tooManyPoints() {
        let values = "[" + (1...100).map(String.init).joined(separator: ", ") + "]"
        let yaml = "sweep:\n  shards.count: \(values)\n  fees.elasticity: \(values)\n  execution.threads: [1, 2]\n"
        #expect(
            Fixtures.errors(yaml: yaml).map(\.description) == [
                "test.yaml:2:3: sweep: expected at most 10000 points, found more (the product of the axes' sizes)"
            ])
    }
}
