import Beacon
import Foundation
import Scenarios
import Testing

@testable import Simulator

/// A shard block is crosslinked only if 2/3 of its committee have it by the attestation deadline; otherwise the
/// slot is orphaned and nothing of it survives except the transactions, which wait for a later block.
@Suite struct AttestationDeadlineTests {
    static func scenario(network: String) throws -> Scenario {
        try SimulationFixtures.scenario(shards: 2, slots: 8, transactionsPerSlot: 4, extra: "network: \(network)")
    }

    @Test("A block published after the deadline is not crosslinked; its transactions are included by the next block")
    func lateBlockIsOrphaned() throws {
        let scenario = try Self.scenario(
            network: "{committeeSize: 8, gossipDegree: 3, upload: {min: 1 Gbit/s, max: 1 Gbit/s}, "
                + "download: {min: 1 Gbit/s, max: 1 Gbit/s}}")
        let settings = try SimulationSettings(scenario: scenario, seed: 1, threads: 1)
        let network = try #require(settings.network)
        let simulation = Simulation(settings: settings)
        var node = simulation.nodes[0]
        for id in 0..<4 {
            let transaction = simulation.users[0].transaction(id: UInt64(id), at: .genesis, drawingFrom: &node.draws)
            node.mempool.append(transaction)
        }
        let before = node
        let proposer = ValidatorIndex(3)

        // Published one microsecond after the deadline: only the proposer has it in time.
        let late = try simulation.producer.step(
            &node, slot: Slot(0), proposer: proposer, beaconArrivalMicros: network.deadlineMicros + 1)
        #expect(late.orphaned)
        #expect(late.crosslink == nil)
        #expect(late.sentReceipts.isEmpty && late.claimedReceipts.isEmpty && late.included.isEmpty)
        #expect(late.network?.outcome == .orphaned)
        #expect(late.network?.delivery?.reachedByDeadline == 0)
        #expect((late.network?.blockBytes ?? 0) > 0)
        #expect(late.rows.allSatisfy { $0.transactions == 0 && $0.proposer == proposer })
        // The state is the one before the slot: same roots, balances and the same transactions waiting.
        #expect(node.stateRoots == before.stateRoots && node.balances == before.balances)
        #expect(node.mempool.map(\.id) == before.mempool.map(\.id))

        // Published at the slot's start, the same block reaches the committee in time and includes them all.
        let onTime = try simulation.producer.step(&node, slot: Slot(1), proposer: proposer, beaconArrivalMicros: 0)
        #expect(!onTime.orphaned)
        #expect(onTime.crosslink != nil)
        #expect(onTime.network?.outcome == .crosslinked)
        #expect(onTime.included.map(\.transaction.id) == before.mempool.map(\.id))
        #expect(node.mempool.isEmpty)
    }

    @Test("A run where blocks miss the deadline conserves ETH, re-includes every orphaned transaction, and counts")
    func orphansInARun() throws {
        // Slow links: a block of a few transactions with witnesses takes seconds to cross the committee.
        let scenario = try Self.scenario(
            network: "{committeeSize: 12, gossipDegree: 3, attestationDeadline: 1300ms, processingDelay: 50ms, "
                + "upload: {min: 16 kbit/s, max: 64 kbit/s}, download: {min: 64 kbit/s, max: 128 kbit/s}}")
        let folder = try SimulationFixtures.run(scenario, threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = try SimulationFixtures.rows(folder, "network.csv")
        #expect(network.count == 16)
        let orphaned = network.filter { $0["outcome"] == "orphaned" }
        let crosslinked = network.filter { $0["outcome"] == "crosslinked" }
        #expect(!orphaned.isEmpty, "no block missed the deadline")
        #expect(!crosslinked.isEmpty, "every block missed the deadline")
        for row in orphaned { #expect(row["crosslinked"] == "0") }
        let summary = try SimulationFixtures.rows(folder, "summary.csv")
        let metric = { (name: String) in summary.first { $0["metric"] == name }?["value"] }
        #expect(metric("orphaned_blocks") == "\(orphaned.count)")
        // An orphaned slot's rows include nothing; no transfer was included by an orphaned block.
        let orphanSlots = Set(orphaned.map { "\($0["slot"]!)/\($0["shard"]!)" })
        for row in try SimulationFixtures.rows(folder, "slots.csv")
        where orphanSlots.contains("\(row["slot"]!)/\(row["shard"]!)") {
            #expect(row["transactions"] == "0")
        }
        for row in try SimulationFixtures.rows(folder, "transfers.csv") {
            if let slot = row["included_slot"], !slot.isEmpty {
                #expect(!orphanSlots.contains("\(slot)/\(row["source_shard"]!)"))
            }
        }
        // Nothing lost: every submitted transaction is included once or still waits.
        let slots = try SimulationFixtures.rows(folder, "slots.csv")
        let included = slots.reduce(0) { $0 + Int($1["transactions"]!)! }
        let waiting = slots.filter { $0["slot"] == "7" }.reduce(0) { $0 + Int($1["mempool_after"]!)! }
        #expect(Int(metric("transactions_submitted")!)! == included + waiting)
    }

    @Test("A network run is deterministic whatever the thread count")
    func deterministic() throws {
        let scenario = try Self.scenario(network: "{committeeSize: 16, gossipDegree: 4}")
        let one = try SimulationFixtures.runOnOneAndTwoThreads(
            scenario, expectingIdentical: ["network.csv", "slots.csv", "transfers.csv", "summary.csv", "scenario.yaml"])
        defer { try? FileManager.default.removeItem(at: one) }
    }
}
