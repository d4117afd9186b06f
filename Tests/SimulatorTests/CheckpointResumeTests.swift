import Beacon
import Foundation
import Scenarios
import Testing

@testable import Simulator

/// A run stopped at a checkpoint and resumed ends with the same files, byte for byte, as an uninterrupted run (the
/// wall-clock files aside). A piece of state left out of ``SimulationSnapshot`` makes these tests fail.
@Suite struct CheckpointResumeTests {
    /// Files compared byte for byte; `slots-wall.csv` and the times in `run.json` are wall-clock and differ.
    static let deterministicFiles = ["scenario.yaml", "slots.csv", "transfers.csv", "summary.csv", "README.md"]

    static func scenario() throws -> Scenario {
        // Offline proposers and faults exercise the fault streams, mempools and inboxes across the checkpoint.
        try Scenario.parse(
            yaml: """
                name: resume
                slots: 7
                beacon: {proposerOfflineRate: 20%}
                shards: {count: 3}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
                workload:
                  transactionsPerSlot: 5
                  crossShardFraction: 50%
                  faults: {badSignature: 10%, replayedNonce: 10%, overdraft: 10%, replayedReceipt: 10%}
                """)
    }

    @Test("stopping after slot k and resuming gives the uninterrupted run's files", arguments: [0, 2, 4])
    func stopAndResume(stopAfter: Int) throws {
        let scenario = try Self.scenario()
        let reference = try SimulationFixtures.run(scenario, threads: 1)

        let folder = SimulationFixtures.temporaryFolder()
        #expect(
            try SimulationFixtures.runStopped(scenario, into: folder, after: UInt64(stopAfter), checkpointEvery: 3)
                == .interrupted(after: Slot(UInt64(stopAfter))))

        #expect(try SimulationFixtures.resume(scenario, folder: folder) == .finished)
        for file in Self.deterministicFiles {
            #expect(
                try SimulationFixtures.read(folder, file) == SimulationFixtures.read(reference, file), "\(file) differs"
            )
        }
        #expect(try Self.manifestWithoutClock(folder) == Self.manifestWithoutClock(reference))
    }

    /// The cross-shard models that hold receipts and the fee market keep state of their own across a checkpoint.
    static func modelScenario(_ model: String) throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: resume-\(model)
                slots: 7
                beacon: {proposerOfflineRate: 20%}
                shards: {count: 3}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 30 ETH, accountsPerShard: 3}
                workload:
                  transactionsPerSlot: 6
                  crossShardFraction: 50%
                  feeStrategy: uniform
                  maxFeePerGas: 6 gwei
                crossShard: {model: \(model), finalityDelay: 3 slots}
                fees: {ee: fees, initialBaseFee: 3 gwei, transactionTimeout: 36s}
                """)
    }

    @Test(
        "finality wait and two-phase commit, with the fee market on, resume to the uninterrupted run's files",
        arguments: ["finality-wait", "two-phase"])
    func modelsAndFeesResume(model: String) throws {
        let scenario = try Self.modelScenario(model)
        let reference = try SimulationFixtures.run(scenario, threads: 1)
        let folder = SimulationFixtures.temporaryFolder()
        #expect(try SimulationFixtures.runStopped(scenario, into: folder, after: 2) == .interrupted(after: Slot(2)))
        #expect(try SimulationFixtures.resume(scenario, folder: folder) == .finished)
        // Something must be held or locked across the checkpoint for the test to mean anything.
        let inflight = try SimulationFixtures.rows(reference, "inflight.csv")
        #expect(inflight.contains { $0["slot"] == "2" && $0["eth_in_flight_gwei"] != "0" })
        for file in Self.deterministicFiles + ["fees.csv", "inflight.csv"] {
            #expect(
                try SimulationFixtures.read(folder, file) == SimulationFixtures.read(reference, file), "\(file) differs"
            )
        }
        // Only the optimistic model rolls back, so only it writes rollbacks.csv.
        for run in [reference, folder] {
            #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("rollbacks.csv").path))
        }
        #expect(try Self.manifestWithoutClock(folder) == Self.manifestWithoutClock(reference))
    }

    @Test(
        "the optimistic model, with reverts, two workload EEs and the fee market, resumes to the uninterrupted run's files",
        arguments: [1, 3, 5])
    func optimisticResumes(stopAfter: Int) throws {
        let scenario = try Scenario.parse(
            yaml: """
                name: resume-optimistic
                slots: 8
                beacon: {proposerOfflineRate: 10%}
                shards: {count: 3}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
                  - {name: ledger, code: "builtin:ledger", genesisBalancePerShard: 1200 ETH, accountsPerShard: 8}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 30 ETH, accountsPerShard: 3}
                workload:
                  ee: "token, ledger"
                  transactionsPerSlot: 6
                  crossShardFraction: 60%
                  crossEEFraction: 30%
                  feeStrategy: uniform
                  maxFeePerGas: 6 gwei
                crossShard: {model: optimistic, finalityDelay: 2 slots, revertProbability: 40%, orphanRate: 20%}
                fees: {ee: fees, initialBaseFee: 3 gwei, transactionTimeout: 36s}
                """)
        let reference = try SimulationFixtures.run(scenario, threads: 1)
        let summary = try SimulationFixtures.rows(reference, "summary.csv")
        #expect((summary.first { $0["metric"] == "rollbacks" }.flatMap { Int($0["value"] ?? "") } ?? 0) > 0)
        let folder = SimulationFixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: reference)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(
            try SimulationFixtures.runStopped(scenario, into: folder, after: UInt64(stopAfter))
                == .interrupted(after: Slot(UInt64(stopAfter))))
        #expect(try SimulationFixtures.resume(scenario, folder: folder) == .finished)
        for file in Self.deterministicFiles + ["fees.csv", "inflight.csv", "rollbacks.csv"] {
            #expect(
                try SimulationFixtures.read(folder, file) == SimulationFixtures.read(reference, file), "\(file) differs"
            )
        }
        #expect(try Self.manifestWithoutClock(folder) == Self.manifestWithoutClock(reference))
    }

    @Test("a snapshot survives encoding: restoring it and snapshotting again gives the same bytes")
    func snapshotRoundTrip() throws {
        let scenario = try Self.scenario()
        let settings = try SimulationSettings(scenario: scenario, seed: 3, threads: 1)
        let simulation = Simulation(settings: settings)
        let stop = StopFlag()
        simulation.stopFlag = stop
        stop.set()
        _ = try simulation.run()
        let data = try simulation.snapshot(after: Slot(0), outputLengths: ["slots.csv": 7]).encoded()
        let restored = Simulation(
            settings: settings, output: nil,
            restoring: try SimulationSnapshot.decode(data, workloads: settings.workloads))
        let again = try restored.snapshot(after: Slot(0), outputLengths: ["slots.csv": 7]).encoded()
        #expect(data == again)
    }

    /// `run.json` without its wall-clock fields.
    static func manifestWithoutClock(_ folder: URL) throws -> String {
        let data = try Data(contentsOf: folder.appendingPathComponent("run.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["startedAt", "endedAt", "wallSeconds", "threads"] { json.removeValue(forKey: key) }
        if var totals = json["totals"] as? [String: Any] {
            totals.removeValue(forKey: "executionWallMicros")
            json["totals"] = totals
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
    }
}
