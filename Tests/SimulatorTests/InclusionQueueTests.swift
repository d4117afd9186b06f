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

        let mean = waiting.reduce(0, +) / Double(slots)
        let arrivals = Double(included.reduce(0, +)) + waiting.last! // every arrival was included or still waits
        let rate = arrivals / Double(slots)
        // Tolerance: four standard errors of the time average, estimated by 8 batch means of 50 slots (the queue
        // forgets its state within a few slots at this load, so batches are nearly independent).
        let batches = stride(from: 0, to: slots, by: 50).map { start in waiting[start..<start + 50].reduce(0, +) / 50 }
        let batchMean = batches.reduce(0, +) / Double(batches.count)
        let variance = batches.map { ($0 - batchMean) * ($0 - batchMean) }.reduce(0, +) / Double(batches.count - 1)
        let standardError = (variance / Double(batches.count)).squareRoot()
        let expectedWaiting = lambda * lambda / (2 * (1 - lambda))
        #expect(abs(rate - lambda) < 0.1, "arrival rate \(rate)")
        #expect(abs(mean - expectedWaiting) <= 4 * standardError, "mean waiting \(mean) ± \(standardError), theory \(expectedWaiting)")
        let delay = mean / rate
        let expectedDelay = lambda / (2 * (1 - lambda))
        #expect(abs(delay - expectedDelay) <= 4 * standardError / rate + 0.05, "mean inclusion delay \(delay) slots, theory \(expectedDelay)")
    }
}
