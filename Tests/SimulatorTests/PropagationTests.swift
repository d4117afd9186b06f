import Testing

@testable import Simulator

/// Propagation times on overlays small enough to compute by hand: each is the closed-form sum of processing,
/// serialized transfers (bytes × 8 ÷ the slower of upload and download) and region latencies along the path.
@Suite struct PropagationTests {
    /// Two regions: 10 ms inside each, 50 ms between them.
    static let latencies = try! RegionLatencies.parse(
        """
        # test table
        region,share_percent,a,b
        a,50,10,50
        b,50,50,10
        """, file: "test.csv")

    @Test("Along a chain, each hop adds processing (not at the source), one transfer and one latency")
    func chain() {
        // 0 (a) → 1 (b) → 2 (b) → 3 (a); 10 Mbit/s up, 20 Mbit/s down: every transfer runs at 10 Mbit/s.
        let nodes = [0, 1, 1, 0].map {
            NetworkNode(region: $0, uploadBitsPerSecond: 10_000_000, downloadBitsPerSecond: 20_000_000)
        }
        let overlay = GossipOverlay(peers: [[1], [2], [3], []])
        let propagation = BlockPropagation(
            from: 0, bytes: 125_000, nodes: nodes, overlay: overlay, latencies: Self.latencies,
            processingMicros: 20_000)
        let transfer = 125_000.0 * 8 / 10_000_000 * 1_000_000  // 100 ms
        #expect(propagation.arrivalMicros[0] == 0)
        #expect(close(propagation.arrivalMicros[1], transfer + 50_000))
        #expect(close(propagation.arrivalMicros[2], (transfer + 50_000) + 20_000 + transfer + 10_000))
        #expect(close(propagation.arrivalMicros[3], (transfer + 50_000) + 2 * (20_000 + transfer) + 10_000 + 50_000))
        #expect(propagation.messages == 3)
        #expect(propagation.timeToReach(4) == propagation.arrivalMicros[3])
    }

    @Test("From the centre of a star, the k-th peer waits for the k copies sent before it, each at its own rate")
    func star() {
        // The centre uploads at 40 Mbit/s; the leaves download at 10, 20, 40 and 80 Mbit/s.
        let centre = NetworkNode(region: 0, uploadBitsPerSecond: 40_000_000, downloadBitsPerSecond: 40_000_000)
        let leaves = [(1, 10.0), (0, 20.0), (1, 40.0), (0, 80.0)].map {
            NetworkNode(region: $0.0, uploadBitsPerSecond: 1_000_000, downloadBitsPerSecond: $0.1 * 1_000_000)
        }
        let overlay = GossipOverlay(peers: [[1, 2, 3, 4], [], [], [], []])
        let propagation = BlockPropagation(
            from: 0, bytes: 50_000, nodes: [centre] + leaves, overlay: overlay, latencies: Self.latencies,
            processingMicros: 5_000)
        let bits = 50_000.0 * 8
        let transfers = [10.0, 20, 40, 40].map { bits / ($0 * 1_000_000) * 1_000_000 }  // min(40, download)
        let latency = [50_000.0, 10_000, 50_000, 10_000]
        for leaf in 0..<4 {
            let expected = transfers.prefix(leaf + 1).reduce(0, +) + latency[leaf]
            #expect(close(propagation.arrivalMicros[leaf + 1], expected), "leaf \(leaf)")
        }
        #expect(propagation.messages == 4)
    }

    /// Equal to within a nanosecond: the sums are the same, added in another order.
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-3 }

    @Test("A node the overlay never reaches has no arrival, and 2/3 is then unreachable")
    func unreachable() {
        let nodes = (0..<3).map { _ in
            NetworkNode(region: 0, uploadBitsPerSecond: 1_000_000, downloadBitsPerSecond: 1_000_000)
        }
        let propagation = BlockPropagation(
            from: 0, bytes: 1000, nodes: nodes, overlay: GossipOverlay(peers: [[], [2], [1]]),
            latencies: Self.latencies, processingMicros: 0)
        #expect(propagation.arrivalMicros[1] == .infinity)
        #expect(propagation.timeToReach(2) == nil)
        #expect(propagation.timeToReach(1) == 0)
    }

    @Test("The shipped latency table loads: six regions, symmetric, shares adding up to 1")
    func shippedTable() throws {
        let table = try RegionLatencies.shipped()
        #expect(table.names.count == 6)
        #expect(abs(table.shares.reduce(0, +) - 1) < 1e-9)
        for from in table.names.indices {
            for to in table.names.indices { #expect(table.micros[from][to] == table.micros[to][from]) }
        }
    }

    @Test("A malformed latency table is an error naming the file and line")
    func malformedTable() {
        #expect(throws: SimulationError.self) {
            try RegionLatencies.parse("region,share_percent,a\na,50,x\n", file: "bad.csv")
        }
    }
}
