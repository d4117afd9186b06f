import Foundation
import Testing

@testable import Simulator

/// `transfers.csv` and `summary.csv` give both latency clocks, each defined exactly: from the user's submission and
/// from the source block's inclusion, to the crediting block, in slots and in seconds (issue 12, item 4).
@Suite struct LatencyClockTests {
    @Test("Every delivered transfer's two clocks follow from its times and slots, and the summary means agree")
    func bothClocks() throws {
        let folder = try SimulationFixtures.run(
            try SimulationFixtures.scenario(shards: 2, slots: 4, crossShard: "100%", offline: "30%"), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let delivered = try SimulationFixtures.rows(folder, "transfers.csv").filter { $0["outcome"] == "delivered" }
        #expect(!delivered.isEmpty)
        let slotMicros: UInt64 = 12_000_000
        func integer(_ row: [String: String], _ column: String) throws -> UInt64 {
            try #require(row[column].flatMap { UInt64($0) }, "\(column) of \(row)")
        }
        func decimal(_ row: [String: String], _ column: String) throws -> Double {
            try #require(row[column].flatMap { Double($0) }, "\(column) of \(row)")
        }
        var sums = (submissionSeconds: 0.0, submissionSlots: 0.0, inclusionSlots: 0.0)
        for row in delivered {
            let created = try integer(row, "created_us")
            let deliveredAt = try integer(row, "delivered_us")
            let deliveredSlot = try integer(row, "delivered_slot")
            let includedSlot = try integer(row, "included_slot")
            #expect(deliveredAt == (deliveredSlot + 1) * slotMicros - 1)
            #expect(try integer(row, "latency_submission_to_delivery_slots") == deliveredSlot - created / slotMicros)
            #expect(try decimal(row, "latency_submission_to_delivery_s") == Double(deliveredAt - created) / 1e6)
            #expect(try integer(row, "latency_inclusion_to_delivery_slots") == deliveredSlot - includedSlot)
            #expect(
                try decimal(row, "latency_inclusion_to_delivery_s")
                    == Double((deliveredSlot - includedSlot) * slotMicros) / 1e6)
            // Submission comes no later than inclusion, so its clock reads at least as long.
            #expect(
                try decimal(row, "latency_submission_to_delivery_s")
                    >= decimal(row, "latency_inclusion_to_delivery_s"))
            sums.submissionSeconds += try decimal(row, "latency_submission_to_delivery_s")
            sums.submissionSlots += Double(try integer(row, "latency_submission_to_delivery_slots"))
            sums.inclusionSlots += Double(try integer(row, "latency_inclusion_to_delivery_slots"))
        }
        let summary = Dictionary(
            uniqueKeysWithValues: try SimulationFixtures.rows(folder, "summary.csv").map {
                ($0["metric"]!, $0["value"]!)
            })
        let count = Double(delivered.count)
        func mean(_ metric: String) throws -> Double {
            try #require(summary[metric].flatMap { Double($0) }, "\(metric)")
        }
        #expect(
            abs(try mean("cross_shard_latency_submission_to_delivery_mean_s") - sums.submissionSeconds / count) < 1e-5)
        #expect(
            abs(try mean("cross_shard_latency_submission_to_delivery_mean_slots") - sums.submissionSlots / count) < 1e-5
        )
        #expect(
            abs(try mean("cross_shard_latency_inclusion_to_delivery_mean_slots") - sums.inclusionSlots / count) < 1e-5)
        #expect(summary["cross_shard_latency_mean"] == nil && summary["cross_shard_latency_mean_slots"] == nil)
    }
}
