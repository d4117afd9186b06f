import Foundation
import Simulator
import Testing

/// The `Simulator` product used as a client uses it: this target is compiled under a package name of its own
/// (`Package.swift`), so it sees only the library's `public` API, as a program depending on shardsim would.
@Suite struct LibraryClientTests {
    static let scenario = """
        name: client
        slots: 3
        shards: {count: 2}
        ees:
          - {name: token, code: "builtin:token", genesisBalancePerShard: 1600 ETH, accountsPerShard: 16}
        workload: {transactionsPerSlot: 4, crossShardFraction: 50%}
        """

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("shardsim-client-\(UUID().uuidString)")
    }

    @Test("a client runs a scenario file through the public API and gets the run's figures and folder")
    func runsAScenario() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("client.yaml")
        try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
        let folder = root.appendingPathComponent("run")

        let summary = try ScenarioRun(scenarioFile: file, seed: 7, folder: folder, threads: 1).run()

        #expect(summary.status == "finished")
        #expect(summary.slots == 3 && summary.shards == 2)
        #expect(summary.transactionsIncluded > 0)
        #expect(summary.conservationHolds)
        for name in ["run.json", "slots.csv", "transfers.csv", "summary.csv", "state.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        // A second run into the same folder is refused, not silently written over.
        #expect(throws: ScenarioRunError.self) { try ScenarioRun(scenarioFile: file, folder: folder).run() }
    }

    @Test("a bad scenario file is an input error naming the file and the field")
    func badScenario() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("bad.yaml")
        try "name: bad\nslots: many\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioRun(scenarioFile: file, folder: root.appendingPathComponent("run")).run()
            Issue.record("a bad scenario ran")
        } catch {
            #expect(error.isInput)
            #expect(error.description.contains("bad.yaml") && error.description.contains("slots"))
        }
    }
}
