import Beacon
import Foundation
import Scenarios
import Testing

@testable import Simulator

/// Under Poisson load with a fixed block capacity, the simulated queue matches the analytic discrete-time queue.
///
/// One shard, blocks that hold one transaction (the byte limit fits one signed transfer with a depth-11 witness but
/// not two), λ = 0.5 arrivals per slot. The number waiting after each block follows L' = max(L + A − 1, 0) with
/// A ~ Poisson(λ), whose stationary mean is E[L] = λ² / (2(1 − λ)) = 0.25; by Little's law the mean inclusion delay
/// (slots from the arrival's slot to its block) is E[L] / λ = 0.5 slot (derivation in
/// `Documentation/CrossShardModels.md`).
@Suite struct InclusionQueueTests {
    @Test("Mean queue length and inclusion delay match the discrete-time Poisson queue with capacity one")
    func poissonQueueWithCapacityOne() throws {
        let slots = 400
        let lambda = 0.5
        let yaml = """
            name: queue
            slots: \(slots)
            shards: {count: 1, blockSizeLimit: 1 KiB}
            ees:
              - {name: token, code: "builtin:token", genesisBalancePerShard: 11000 ETH, accountsPerShard: 1100}
            workload: {transactionsPerSlot: 0.5, crossShardFraction: 0%, amount: {min: 1 gwei, max: 2 gwei}}
            """
        let folder = try SimulationFixtures.run(try Scenario.parse(yaml: yaml), seed: 7, threads: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try SimulationFixtures.rows(folder, "slots.csv")
        #expect(rows.count == slots)
        let waiting = rows.map { Double($0["mempool_after"]!)! }
        let included = rows.map { Int($0["transactions"]!)! }
        // The set-up is the queue of the theory: at most one per block, and a block is never empty while some wait.
        #expect(included.allSatisfy { $0 <= 1 })
        for index in 1..<rows.count where waiting[index - 1] > 0 { #expect(included[index] == 1) }

        // Exactly the queue of the theory, arrival by arrival: replay the workload's arrival stream (same seed, same
        // draws), count the arrivals each block can see, and run L' = max(L + A − 1, 0).
        let settings = try SimulationSettings(scenario: try Scenario.parse(yaml: yaml), seed: 7, threads: 1)
        let generator = WorkloadGenerator(shard: ShardID(0), settings: settings)
        var draws = generator.genesisDraws(RandomStreams(runSeed: 7))
        let slotMicros = settings.clock.slotDuration.micros
        var arrivals = [Int](repeating: 0, count: slots)
        var time = SimTime.genesis + generator.nextGap(drawingFrom: &draws)
        var id: UInt64 = 0
        while true {
            // An arrival at a slot's last microsecond comes after that slot's block.
            let block = Int((time.micros + 1) / slotMicros)
            guard block < slots else { break }
            _ = generator.transaction(id: id, at: time, drawingFrom: &draws)
            id += 1
            arrivals[block] += 1
            time = time + generator.nextGap(drawingFrom: &draws)
        }
        var queue = 0
        for slot in 0..<slots {
            queue = max(queue + arrivals[slot] - 1, 0)
            #expect(Double(queue) == waiting[slot], "slot \(slot)")
        }

        // And the analytic mean. Tolerance: three standard deviations of a 400-slot time average of this queue,
        // σ = 0.076 (4,000 replications of the recursion above with Poisson(0.5) arrivals); the delay's follows
        // by Little's law (÷ λ).
        let mean = waiting.reduce(0, +) / Double(slots)
        let rate = Double(arrivals.reduce(0, +)) / Double(slots)
        let expectedWaiting = lambda * lambda / (2 * (1 - lambda))
        #expect(abs(rate - lambda) < 0.1, "arrival rate \(rate)")
        #expect(abs(mean - expectedWaiting) <= 3 * 0.076, "mean waiting \(mean), theory \(expectedWaiting)")
        let delay = mean / rate
        let expectedDelay = lambda / (2 * (1 - lambda))
        #expect(
            abs(delay - expectedDelay) <= 3 * 0.076 / lambda,
            "mean inclusion delay \(delay) slots, theory \(expectedDelay)")
    }
}
