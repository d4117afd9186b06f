import Beacon
import Foundation
import Shard
import Testing

@testable import Simulator

/// A checkpoint of another layout is refused with its format named, never misread.
@Suite struct CheckpointFormatTests {
    @Test("A checkpoint written in another format is refused, naming both formats, and the folder is left as it was")
    func otherFormatIsRefused() throws {
        let scenario = try SimulationFixtures.scenario(slots: 6)
        let folder = SimulationFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try SimulationFixtures.runStopped(scenario, into: folder, after: 1) == .interrupted(after: Slot(1)))

        // The same checkpoint, relabelled as the format before this one.
        let url = folder.appendingPathComponent("state.sqlite")
        let database = try StateDatabase(url: url)
        let stored = try #require(try database.latestCheckpoint())
        var json = try #require(try JSONSerialization.jsonObject(with: stored.snapshot) as? [String: Any])
        #expect(json["format"] as? Int == SimulationSnapshot.formatVersion)
        json["format"] = SimulationSnapshot.formatVersion - 1
        try database.writeCheckpoint(slot: stored.slot, snapshot: try JSONSerialization.data(withJSONObject: json))
        let slotsBefore = try Data(contentsOf: folder.appendingPathComponent("slots.csv"))

        #expect {
            _ = try Simulation.resuming(folder: folder) { seed throws(SimulationError) in
                try SimulationSettings(scenario: scenario, seed: seed, threads: 1)
            }
        } throws: { error in
            let error = try #require(error as? SimulationError)
            return error.kind == .checkpoint
                && error.description.contains(
                    "checkpoint format \(SimulationSnapshot.formatVersion - 1), this shardsim reads format "
                        + "\(SimulationSnapshot.formatVersion)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("slots.csv")) == slotsBefore)
    }
}
