import Foundation
import Scenarios
import Testing

@testable import Simulator

/// Small scenarios for simulation tests: a handful of accounts and transactions, so the wasm work stays fast in
/// debug builds (where WasmKit is ~100× slower).
enum SimulationFixtures {
    static func scenario(
        shards: Int = 2, slots: Int = 6, accounts: Int = 24, transactionsPerSlot: Int = 4, crossShard: String = "50%",
        offline: String = "0%", zipfExponent: String? = nil, extra: String = ""
    ) throws -> Scenario {
        let zipf = zipfExponent.map { ", zipfExponent: \($0)" } ?? ""
        return try Scenario.parse(
            yaml: """
                name: test
                slots: \(slots)
                beacon: {proposerOfflineRate: \(offline)}
                shards: {count: \(shards)}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: \(accounts)}
                workload: {transactionsPerSlot: \(transactionsPerSlot), crossShardFraction: \(crossShard)\(zipf)}
                \(extra)
                """)
    }

    /// The repository's root folder (shipped scenarios live in `scenarios/`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fresh temporary folder for a run.
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("shardsim-test-\(UUID().uuidString)")
    }

    /// Runs `scenario` with `seed` and `threads` into a new folder and returns it.
    static func run(_ scenario: Scenario, seed: UInt64 = 1, threads: Int) throws -> URL {
        let folder = temporaryFolder()
        let settings = try SimulationSettings(scenario: scenario, seed: seed, threads: threads)
        try Simulation(settings: settings, output: RunOutput(folder: folder)).run()
        return folder
    }

    /// Runs `scenario` on one thread and on two, expects each of `files` byte-identical in the two folders, and
    /// returns the one-thread folder (the caller removes it; the two-thread one is removed here).
    static func runOnOneAndTwoThreads(
        _ scenario: Scenario, expectingIdentical files: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> URL {
        let one = try run(scenario, threads: 1)
        let two = try run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: two) }
        for file in files {
            #expect(try read(one, file) == read(two, file), "\(file) differs", sourceLocation: sourceLocation)
        }
        return one
    }

    /// Runs `scenario` with seed 1 on two threads into `folder`, writing a checkpoint every `checkpointEvery` slots,
    /// and stops it at the end of slot `stopAfter`, as Ctrl-C does; returns how the run ended.
    static func runStopped(
        _ scenario: Scenario, into folder: URL, after stopAfter: UInt64, checkpointEvery: UInt64 = 2
    ) throws -> SimulationEnd {
        let simulation = Simulation(
            settings: try SimulationSettings(scenario: scenario, seed: 1, threads: 2), output: RunOutput(folder: folder)
        )
        let stop = StopFlag()
        simulation.stopFlag = stop
        simulation.checkpointInterval = checkpointEvery
        return try simulation.run { if $0.slot.number == stopAfter { stop.set() } }
    }

    /// Resumes the run of `scenario` in `folder` from its last checkpoint, on one thread, to its end.
    static func resume(_ scenario: Scenario, folder: URL) throws -> SimulationEnd {
        let resumed = try #require(
            try Simulation.resuming(folder: folder) { seed throws(SimulationError) in
                try SimulationSettings(scenario: scenario, seed: seed, threads: 1)
            })
        return try resumed.run()
    }

    static func read(_ folder: URL, _ file: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    /// The rows of a CSV file as dictionaries keyed by the header.
    static func rows(_ folder: URL, _ file: String) throws -> [[String: String]] {
        let lines = try read(folder, file).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

extension SimulationFixtures {
    /// Runs `scenario` with the given faults injected and returns the folder.
    static func run(_ scenario: Scenario, faults: FaultRates, seed: UInt64 = 1) throws -> URL {
        let folder = temporaryFolder()
        var settings = try SimulationSettings(scenario: scenario, seed: seed, threads: 2)
        settings.faults = faults
        try Simulation(settings: settings, output: RunOutput(folder: folder)).run()
        return folder
    }
}
