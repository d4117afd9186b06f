import Foundation
import Testing

@testable import Report

/// The network figures read `network.csv`: the propagation CDF counts every published block, and the orphan rate
/// is each size band's share of orphaned blocks.
@Suite struct NetworkFiguresTests {
    @Test("propagation CDF and orphan rate against block bytes come from network.csv; runs without one draw neither")
    func networkFigures() throws {
        let folder = ReportFixtures.temporaryFolder()
        let run = ReportFixtures.run(
            in: folder, name: "net-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [1])
        // Four published blocks: two small ones crosslinked in 0.5 and 1 s, two large ones orphaned (one never got
        // to 2/3), and a missed slot that published nothing.
        let network = """
            slot,shard,proposer,outcome,block_bytes,published_us,two_thirds_us,reached_by_deadline,committee,crosslinked,messages
            0,0,1,crosslinked,1000,0,500000,8,8,1,20
            0,1,2,crosslinked,1000,0,1000000,8,8,1,20
            1,0,3,orphaned,8000,0,6000000,3,8,0,20
            1,1,4,orphaned,8000,0,,2,8,0,12
            2,0,,missed,0,,,,8,0,0

            """
        try network.write(to: run.appendingPathComponent("network.csv"), atomically: true, encoding: .utf8)
        let input = try ReportInput(paths: [run])
        let propagation = NetworkFigures.propagation(input)
        let cdf = try #require(propagation.chart?.series.first)
        // 3 of 4 blocks reached 2/3: the curve ends at 0.75.
        #expect(cdf.points.last?.y == 0.75)
        #expect(propagation.caption.contains("(1 here)"))
        let orphans = try #require(NetworkFigures.orphanRate(input).chart?.series.first)
        #expect(orphans.points.map(\.y) == [0, 1])
        #expect(orphans.points.map(\.count) == [2, 2])
        let report = RunReport(input: input)
        #expect(report.figures.contains { $0.id == "propagation-cdf" })
        #expect(report.figures.contains { $0.id == "orphan-rate-vs-block-bytes" })

        let plain = ReportFixtures.run(
            in: folder, name: "plain-seed1", model: "one-slot", seed: 1, applied: 3, latencies: [1])
        #expect(!RunReport(input: try ReportInput(paths: [plain])).figures.contains { $0.id == "propagation-cdf" })
    }
}
