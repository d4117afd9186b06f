import Beacon
import Foundation
import Scenarios
import Testing

@testable import Simulator

/// The users' random draws are part of each shard's state (``UserDraws`` in ``ShardState``): arrivals advance them,
/// blocks never do, a rollback carries them with the arrivals it re-adds, and a checkpoint stores them.
@Suite struct UserDrawsTests {
    /// Cross-shard traffic, the fee market on (so bids draw too) and the given cross-shard rules.
    static func scenario(crossShard: String) throws -> Scenario {
        try Scenario.parse(
            yaml: """
                name: draws
                slots: 9
                shards: {count: 3}
                ees:
                  - {name: token, code: "builtin:token", genesisBalancePerShard: 2400 ETH, accountsPerShard: 16}
                  - {name: fees, code: "builtin:fee_market", genesisBalancePerShard: 30 ETH, accountsPerShard: 3}
                workload:
                  transactionsPerSlot: 5
                  crossShardFraction: 70%
                  feeStrategy: uniform
                  maxFeePerGas: 6 gwei
                crossShard: \(crossShard)
                fees: {ee: fees, initialBaseFee: 3 gwei, transactionTimeout: 36s}
                """)
    }

    static func finished(_ crossShard: String) throws -> Simulation {
        let settings = try SimulationSettings(scenario: try scenario(crossShard: crossShard), seed: 3, threads: 2)
        let simulation = Simulation(settings: settings)
        #expect(try simulation.run() == .finished)
        return simulation
    }

    @Test("Rollbacks do not rewind the users: with reverts, every shard's draws end where a run without them ends")
    func rollbacksKeepTheDraws() throws {
        let reverting = try Self.finished(
            "{model: optimistic, finalityDelay: 2 slots, revertProbability: 60%, orphanRate: 20%}")
        #expect(reverting.totals.crossShard.rollbacks > 0, "the run must roll back for the test to mean anything")
        // Arrivals do not depend on blocks, so the same users drew the same transactions under any model.
        let plain = try Self.finished("{model: one-slot}")
        #expect(reverting.nextTransactionID == plain.nextTransactionID)
        #expect(reverting.nodes.map(\.draws) == plain.nodes.map(\.draws))
        #expect(reverting.nodes.allSatisfy { $0.draws.bids != nil })
    }

    @Test("Blocks never draw from the users' streams; arrivals do")
    func onlyArrivalsDraw() throws {
        let settings = try SimulationSettings(
            scenario: try Self.scenario(crossShard: "{model: one-slot}"), seed: 3, threads: 1)
        let simulation = Simulation(settings: settings)
        var node = simulation.nodes[0]
        let genesis = node.draws
        for id in 0..<3 {
            node.mempool.append(simulation.users[0].transaction(id: UInt64(id), at: .genesis, drawingFrom: &node.draws))
        }
        #expect(node.draws != genesis)
        let beforeBlock = node.draws
        let outcome = try simulation.producer.step(
            &node, slot: Slot(0), proposer: ValidatorIndex(0), beaconArrivalMicros: nil)
        #expect(outcome.included.count == 3)
        #expect(node.draws == beforeBlock)
    }

    @Test("A checkpoint stores each shard's draws: a snapshot decodes to the same shard states")
    func checkpointCarriesTheDraws() throws {
        let simulation = try Self.finished("{model: optimistic, finalityDelay: 2 slots, revertProbability: 60%}")
        let data = try simulation.snapshot(after: Slot(8), outputLengths: [:]).encoded()
        let decoded = try SimulationSnapshot.decode(data, workloads: simulation.settings.workloads)
        #expect(decoded.nodes == simulation.nodes)
        #expect(decoded.nodes.map(\.draws) == simulation.nodes.map(\.draws))
        #expect(decoded.history.checkpoints.map(\.before) == simulation.history.checkpoints.map(\.before))
    }
}
