import Foundation
import Scenarios
import Testing

@testable import Simulator

/// `points.csv` (`SweepJob.index`): one row per job, then one typed column per swept field, so a sweep loads into
/// pandas without parsing labels.
@Suite struct SweepIndexTests {
    @Test("each swept field gets a column in one unit: percent, seconds, gwei, bytes, counts; lists stay as spelled")
    func typedColumns() throws {
        let scenario = try SimulationFixtures.scenario(
            extra: """
                seeds: [1, 2]
                sweep:
                  workload.crossShardFraction: [10%, 12.5%]
                  beacon.slotDuration: [500ms, 12s]
                  workload.amount.max: [0.5 ETH, 2 ETH]
                  shards.blockSizeLimit: [256 KiB, 1 MB]
                  shards.count: [4, 8]
                  workload.spike.shards: ["0-1,3", "2"]
                """)
        let csv = SweepJob.index(SweepJob.all(of: scenario), scenarioPath: "grid.yaml", folder: "out")
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 64 * 2)
        #expect(
            lines[0] == "job,point,seed,label,folder,command,workload.crossShardFraction_pct,beacon.slotDuration_s,"
                + "workload.amount.max_gwei,shards.blockSizeLimit_bytes,shards.count,workload.spike.shards")
        // The first job: the first value of every axis, seed 1; a shard list with a comma is quoted.
        #expect(lines[1].hasSuffix(",10,0.5,500000000,262144,4,\"0-1,3\""))
        // The last job: the last value of every axis, seed 2.
        #expect(lines[128].hasPrefix("127,63,2,"))
        #expect(lines[128].hasSuffix(",12.5,12,2000000000,1000000,8,2"))
    }

    /// A field of a list entry (`ees[0].accountsPerShard`) is a swept field like any other: its column was dropped,
    /// so a report of the witness-vs-latency study drew every accounts size as one line.
    @Test("an indexed field path such as ees[0].accountsPerShard gets its column")
    func indexedPath() throws {
        let scenario = try SimulationFixtures.scenario(
            extra: """
                sweep:
                  ees[0].accountsPerShard: [64, 256]
                  workload.crossShardFraction: [10%, 20%]
                """)
        let csv = SweepJob.index(SweepJob.all(of: scenario), scenarioPath: "grid.yaml", folder: "out")
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "job,point,seed,label,folder,command,ees[0].accountsPerShard,workload.crossShardFraction_pct")
        #expect(lines[1].hasSuffix(",64,10"))
        #expect(lines[4].hasSuffix(",256,20"))
    }

    @Test("without a sweep, points.csv has the job columns only")
    func noSweep() throws {
        let csv = SweepJob.index(
            SweepJob.all(of: try SimulationFixtures.scenario()), scenarioPath: "s.yaml", folder: "o")
        #expect(
            csv
                == "job,point,seed,label,folder,command\n0,0,1,,p0000-seed1,shardsim run s.yaml --point 0 --seed 1 --out o/p0000-seed1\n"
        )
    }
}
