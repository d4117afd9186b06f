import Beacon
import Foundation
import Scenarios
import Testing

@testable import Simulator

/// With a warm-up and a drain, runs under different cross-shard models account for the same measured transfers:
/// each is delivered, failed or censored, and the counts add up to the same number under every model, because the
/// workload's arrivals do not depend on the model.
@Suite struct MeasurementWindowTests {
    /// 3 shards, 6 arrival slots of which 2 are a warm-up, a drain of up to `drain` slots; finality in 3 slots, so
    /// finality-wait still has receipts held when arrivals stop.
    static func scenario(drain: String = "12 slots", offline: String = "0%") throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: window
                slots: 6
                beacon: {proposerOfflineRate: \(offline)}
                shards: {count: 3}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
                workload: {transactionsPerSlot: 4, crossShardFraction: 50%}
                crossShard: {finalityDelay: 3 slots, revertProbability: 30%}
                measurement: {warmUp: 2 slots, drain: \(drain)}
                """)
    }

    @Test("Every model delivers or censors the same measured transfers in a comparison with warm-up and drain")
    func everyModelAccountsForTheSameTransfers() throws {
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let comparison = ModelComparison(
            scenario: try Self.scenario(), models: CrossShardModel.allCases, seeds: [1], folder: folder, threads: 2)
        let rows = try #require(try comparison.run())
        #expect(rows.count == CrossShardModel.allCases.count)
        let measured = Set(rows.map(\.measured.submitted))
        #expect(measured.count == 1, "measured transfers differ between models: \(rows.map(\.measured.submitted))")
        let count = try #require(measured.first)
        #expect(count > 0)
        for row in rows {
            // No offline proposers and no faults: nothing fails but two-phase transfers aborted by a lock (issue 12
            // item 7), so delivered + censored + failed is every measured one.
            if row.model != CrossShardModel.twoPhase.rawValue { #expect(row.measured.failed == 0, "\(row.model)") }
            #expect(
                row.measured.delivered + row.measured.censored + row.measured.failed == count, "\(row.model)")
            #expect(row.measured.censored == 0, "\(row.model) left \(row.measured.censored) in flight")
            #expect(row.measured.drained, "\(row.model)")
        }
        // The drain is what makes them equal: finality-wait needs its 3 slots after the last arrival slot.
        let wait = try #require(rows.first { $0.model == "finality-wait" })
        #expect(wait.measured.drainSlots >= 3)
        // The transfers of the warm-up are not measured, and the table shows the new columns.
        #expect(rows.allSatisfy { $0.crossShardSubmitted > $0.measured.submitted })
        let table = try String(contentsOf: folder.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(table.contains("| censored |"))
        let csv = try SimulationFixtures.rows(folder, "comparison.csv")
        #expect(csv.allSatisfy { $0["measured_transfers"] == "\(count)" })
    }

    @Test("A drain cap too short leaves transfers censored, reported apart from delivered ones")
    func shortDrainCensors() throws {
        var scenario = try Self.scenario(drain: "1 slot")
        scenario.crossShard.model = .finalityWait
        let folder = try SimulationFixtures.run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = Dictionary(
            uniqueKeysWithValues: try SimulationFixtures.rows(folder, "summary.csv").map {
                ($0["metric"] ?? "", $0["value"] ?? "")
            })
        let measured = try #require(summary["measured_transfers"].flatMap(UInt64.init))
        let delivered = try #require(summary["measured_delivered"].flatMap(UInt64.init))
        let censored = try #require(summary["measured_censored"].flatMap(UInt64.init))
        #expect(summary["drain_slots"] == "1")
        #expect(summary["drained"] == "0")
        #expect(summary["slots"] == "7")
        #expect(censored > 0)
        #expect(delivered + censored == measured)
        // Censored transfers are the measured rows written unfinished at the end, never as delivered.
        let measuredFrom = 2 * 12_000_000
        let unfinished = try SimulationFixtures.rows(folder, "transfers.csv").filter {
            ["pending", "in_flight", "aborting"].contains($0["outcome"] ?? "")
                && Int($0["created_us"] ?? "") ?? 0 >= measuredFrom
        }
        #expect(UInt64(unfinished.count) == censored)
    }

    @Test("No arrival is submitted during the drain")
    func drainHasNoArrivals() throws {
        var scenario = try Self.scenario()
        scenario.crossShard.model = .finalityWait
        let folder = try SimulationFixtures.run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arrivalsEnd = 6 * 12_000_000
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        #expect(!transfers.isEmpty)
        #expect(transfers.allSatisfy { (Int($0["created_us"] ?? "") ?? .max) < arrivalsEnd })
        let slots = try SimulationFixtures.rows(folder, "slots.csv")
        let last = slots.compactMap { $0["slot"].flatMap(Int.init) }.max() ?? 0
        #expect(last >= 8, "finality-wait drains at least its 3-slot wait after slot 5")
        #expect(last < 6 + 12)
    }

    @Test(
        "Stopping during the warm-up or the drain and resuming gives the uninterrupted run's files",
        arguments: [("finality-wait", 1), ("finality-wait", 7), ("optimistic", 6), ("two-phase", 6)])
    func resumesAcrossWarmUpAndDrain(model: String, stopAfter: UInt64) throws {
        var scenario = try Self.scenario(offline: "20%")
        scenario.crossShard.model = try #require(CrossShardModel(rawValue: model))
        let reference = try SimulationFixtures.run(scenario, threads: 1)
        defer { try? FileManager.default.removeItem(at: reference) }
        // The stop must fall inside the run for the test to mean anything.
        let slots = try SimulationFixtures.rows(reference, "slots.csv").compactMap { $0["slot"].flatMap(UInt64.init) }
        #expect((slots.max() ?? 0) > stopAfter)

        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try SimulationFixtures.runStopped(scenario, into: folder, after: stopAfter)
                == .interrupted(after: Slot(stopAfter)))
        #expect(try SimulationFixtures.resume(scenario, folder: folder) == .finished)
        // rollbacks.csv is written only under the optimistic model.
        let rollbacks = model == "optimistic" ? ["rollbacks.csv"] : []
        for file in CheckpointResumeTests.deterministicFiles + ["inflight.csv"] + rollbacks {
            #expect(
                try SimulationFixtures.read(folder, file) == SimulationFixtures.read(reference, file), "\(file) differs"
            )
        }
        #expect(
            try CheckpointResumeTests.manifestWithoutClock(folder)
                == CheckpointResumeTests.manifestWithoutClock(reference))
    }
}
