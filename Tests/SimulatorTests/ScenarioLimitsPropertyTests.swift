import Beacon
import Foundation
import Scenarios
import Testing

@testable import Simulator

/// Whatever `validate` accepts runs without crashing: scenarios drawn with every field at a bound of its range (or
/// of ``RunLimits``) either fail to load with located errors or run their first two slots, with ETH conserved.
///
/// Account counts and transactions stay tiny so that the debug build's wasm is fast; a failure prints the seed and
/// the scenario, so the draw can be replayed.
@Suite struct ScenarioLimitsPropertyTests {
    /// Draws a scenario file with each field at an extreme of its range.
    struct ExtremeScenario {
        var generator: SplitMix64

        mutating func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }

        mutating func yaml() -> String {
            let hour: UInt64 = 3_600_000_000
            let limit = RunLimits.maximumSimulatedTime.micros
            let slotMicros: UInt64 = pick([1, 12_000_000, limit / 2, limit / 1000, 1_000_000_000 * hour / 4])
            let slots: UInt64 = pick([1, 2, 2, max(2, limit / slotMicros)])
            // A thousand shards cost a thousand wasm executions per slot in a debug build, so they come with every
            // proposer offline; the other draws keep two or three shards.
            let shards: Int = pick([1, 2, 3, 1024])
            let offline = shards > 3 ? "100%" : pick(["0%", "100%", "50%"])
            let totalGwei = RunLimits.maximumTotalETH.gwei
            let feeMarket = pick([false, true])
            let eeCount = feeMarket ? 2 : 1
            let balance: UInt64 = pick([0, 1, totalGwei / UInt64(shards * eeCount)])
            let accounts = pick([0, 1, 2])
            let maxPerGas = RunLimits.maximumFeePerGas.gwei
            var ees = "  - {name: token, code: \"builtin:token\", genesisBalancePerShard: \(balance) gwei, "
            ees += "accountsPerShard: \(accounts), deposit: \(pick([0, UInt64.max])) gwei}\n"
            if feeMarket {
                ees += "  - {name: fees, code: \"builtin:fee_market\", genesisBalancePerShard: \(balance) gwei, "
                ees += "accountsPerShard: \(pick([0, 1, 2]))}\n"
            }
            let delay = max(1, limit / slotMicros)
            // At the limit for 1 KiB blocks (larger blocks or more slots make it an overflowing combination).
            let blocksBytes = UInt128(1024) * UInt128(shards) * UInt128(slots)
            let witnessAtLimit = UInt64(clamping: UInt128(totalGwei) / blocksBytes)
            let witnessFee = feeMarket ? pick([0, 1, witnessAtLimit]) : 1
            return """
                name: limits
                slots: \(slots)
                beacon:
                  slotDuration: \(slotMicros)us
                  slotsPerEpoch: \(pick([1, 1024]))
                  proposerOfflineRate: \(offline)
                shards:
                  count: \(shards)
                  blockGasLimit: \(pick([UInt64(1000), 10_000_000, UInt64.max])) gas
                  blockSizeLimit: \(pick(["1 KiB", "1 KiB", "4 GiB"]))
                ees:
                \(ees)
                execution:
                  gasLimitPerExecution: \(pick([UInt64(1), 100_000_000, UInt64.max])) gas
                  memoryLimit: \(pick(["128 KiB", "4 GiB"]))
                  threads: \(pick([0, 1, 1024]))
                  gasPerSecond: \(pick([UInt64(1), UInt64.max])) gas
                workload:
                  transactionsPerSlot: \(pick(["0", "0.000001", "1", "3"]))
                  crossShardFraction: \(pick(["0%", "100%"]))
                  zipfExponent: \(pick(["0", "10"]))
                  priorityFeePerGas: \(pick([0, maxPerGas])) gwei
                  maxFeePerGas: \(pick([1, maxPerGas])) gwei
                  feeStrategy: \(pick(["fixed", "uniform"]))
                  amount: {min: 1 gwei, max: \(pick([1, UInt64.max])) gwei}
                  faults:
                    badSignature: \(pick(["0", "1"]))
                    replayedNonce: \(pick(["0", "1"]))
                    overdraft: \(pick(["0", "1"]))
                    replayedReceipt: \(pick(["0", "1"]))
                    forgedWitness: \(pick(["0", "1"]))
                  spike: {from: 0us, until: \(pick([0, UInt64.max]))us, multiplier: \(pick(["0", "1000"]))}
                crossShard:
                  model: \(pick(CrossShardModel.allCases).rawValue)
                  finalityDelay: \(pick([1, delay])) slots
                  revertProbability: \(pick(["0%", "100%"]))
                fees:
                  ee: "\(feeMarket ? "fees" : "")"
                  elasticity: \(pick([1, 100]))
                  baseFeeChangeDenominator: \(pick([1, 1_000_000]))
                  initialBaseFee: \(pick([0, maxPerGas])) gwei
                  transactionTimeout: \(pick([0, limit]))us
                  witnessFeePerByte: \(witnessFee) gwei
                """
        }
    }

    /// What the draws came to.
    struct Tally { var ran = 0, rejected = 0, refused = 0 }

    @Test("200 scenarios drawn at the schema's limits load with located errors or run two slots without a crash")
    func extremes() throws {
        var tally = Tally()
        var refusals: [String: Int] = [:]
        // Draws go on until 200 have run (a few are rejected at load), up to a bound that ends a broken generator.
        for seed in UInt64(0)..<400 where tally.ran < 200 {
            var draw = ExtremeScenario(generator: SplitMix64(seed: seed))
            let yaml = draw.yaml()
            let scenario: Scenario
            do {
                scenario = try Scenario.parse(yaml: yaml, file: "limits-\(seed).yaml")
            } catch {
                #expect(error.errors.allSatisfy { $0.line > 0 }, "seed \(seed): \(error)")
                tally.rejected += 1
                continue
            }
            let settings: SimulationSettings
            do {
                settings = try SimulationSettings(scenario: scenario, seed: seed, threads: Int(seed % 3) + 1)
            } catch {
                // Refused before any slot ran (part 3 of issue 10 moves these into validation).
                refusals[error.description, default: 0] += 1
                tally.refused += 1
                continue
            }
            let folder = SimulationFixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let simulation = Simulation(settings: settings, output: seed % 4 == 0 ? RunOutput(folder: folder) : nil)
            let stop = StopFlag()
            simulation.stopFlag = stop
            do {
                try simulation.run { progress in if progress.slot.number >= 1 { stop.set() } }
                tally.ran += 1
            } catch {
                Issue.record("seed \(seed): the run failed: \(error)\n\(yaml)")
            }
        }
        print("limits: \(tally.ran) ran, \(tally.rejected) rejected at load, \(tally.refused) refused", refusals)
        #expect(tally.ran >= 200)
    }

    @Test("A run of 10¹² slots schedules one slot at a time, not every slot up front")
    func lazySlots() throws {
        let scenario = try Scenario.parse(
            yaml: "slots: 1000000000000\nbeacon: {slotDuration: 1us}\nworkload: {transactionsPerSlot: 0}")
        let simulation = Simulation(settings: try SimulationSettings(scenario: scenario, seed: 1, threads: 1))
        #expect(simulation.engine.pendingEvents.count == 1)
        let stop = StopFlag()
        simulation.stopFlag = stop
        stop.set()
        #expect(try simulation.run() == .interrupted(after: Slot(0)))
        #expect(simulation.engine.pendingEvents.count == 1)
    }
}
