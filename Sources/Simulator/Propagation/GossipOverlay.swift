/// Who forwards to whom: each node's peers, in the order it sends to them.
struct GossipOverlay: Sendable, Equatable {
    /// `peers[node]`: the nodes `node` forwards a block to, in sending order. The memberwise `init(peers:)` gives an
    /// overlay explicitly (tests use chains and stars).
    let peers: [[Int]]

    /// Every node picks `degree` distinct other nodes uniformly (fewer when there are not that many), in draw order.
    static func random(nodeCount: Int, degree: Int, stream: inout RandomStream) -> GossipOverlay {
        let degree = min(degree, nodeCount - 1)
        var peers: [[Int]] = []
        peers.reserveCapacity(nodeCount)
        for node in 0..<nodeCount {
            var chosen: [Int] = []
            chosen.reserveCapacity(degree)
            while chosen.count < degree {
                // Draw among the others: skip `node` itself by shifting draws at or above it.
                var peer = stream.uniform(below: nodeCount - 1)
                if peer >= node { peer += 1 }
                if !chosen.contains(peer) { chosen.append(peer) }
            }
            peers.append(chosen)
        }
        return GossipOverlay(peers: peers)
    }
}
