import Foundation
import Testing

@testable import Simulator

/// Same scenario and seed give byte-identical CSV files whatever the thread count; wall-clock figures are kept in
/// their own file and are the only thing allowed to differ.
@Suite struct SimulationDeterminismTests {
    static let deterministicFiles = ["slots.csv", "transfers.csv", "inflight.csv", "summary.csv", "scenario.yaml"]

    @Test("One thread and two threads write identical files")
    func threadCountDoesNotMatter() throws {
        let scenario = try SimulationFixtures.scenario(shards: 3, slots: 5, offline: "20%")
        let one = try SimulationFixtures.runOnOneAndTwoThreads(scenario, expectingIdentical: Self.deterministicFiles)
        defer { try? FileManager.default.removeItem(at: one) }
        // The wall-clock file has the same rows, but its values are measurements.
        let wallOne = try SimulationFixtures.rows(one, "slots-wall.csv")
        #expect(wallOne.count == 15)
    }

    @Test("A different seed gives a different run")
    func seedMatters() throws {
        let scenario = try SimulationFixtures.scenario(shards: 2, slots: 3)
        let a = try SimulationFixtures.run(scenario, seed: 1, threads: 2)
        let b = try SimulationFixtures.run(scenario, seed: 2, threads: 2)
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        #expect(try SimulationFixtures.read(a, "slots.csv") != SimulationFixtures.read(b, "slots.csv"))
    }
}
