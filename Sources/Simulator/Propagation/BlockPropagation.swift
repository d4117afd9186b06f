import HeapModule

/// When a block reaches every node of an overlay, computed in one Dijkstra pass.
///
/// The model, per hop: a node that first receives the block at `t` checks it for `processingMicros` (the source,
/// which made the block, does not), then sends one copy to each of its peers in order over its upload link. Copy
/// `k` leaves after the copies before it: its transfer takes `bytes × 8 / min(upload of the sender, download of
/// the receiver)` seconds, and it arrives one latency between the two regions after its transfer ends. So the
/// `k`-th peer of `u` receives it at
///
///     t(u) + processing + Σ_{j ≤ k} bytes × 8 / min(up(u), down(peer j)) + latency(region(u), region(peer k))
///
/// A node forwards only the first copy it receives. Every send time depends only on the sender's first arrival,
/// so the earliest arrivals are shortest paths with fixed, non-negative edge weights, and Dijkstra gives exactly
/// what an event-by-event simulation of every message would. ``messages`` counts the messages such a simulation
/// would process (every copy sent by a node that received the block, duplicates included).
struct BlockPropagation: Sendable {
    /// `arrivalMicros[node]`: when the node first has the block, in µs after the source sent it (`0` for the
    /// source; `.infinity` when the overlay never reaches it).
    let arrivalMicros: [Double]
    /// Messages delivered: one per copy sent, the copies reaching a node that already had the block included.
    let messages: Int

    /// Propagates a block of `bytes` bytes from `source` over `overlay` between `nodes`.
    init(
        from source: Int, bytes: Int, nodes: [NetworkNode], overlay: GossipOverlay, latencies: RegionLatencies,
        processingMicros: Double
    ) {
        var arrival = [Double](repeating: .infinity, count: nodes.count)
        var done = [Bool](repeating: false, count: nodes.count)
        var queue = Heap<Arrival>()
        arrival[source] = 0
        queue.insert(Arrival(micros: 0, node: source))
        let bits = Double(bytes) * 8
        var messages = 0
        while let next = queue.popMin() {
            let node = next.node
            guard !done[node] else { continue }
            done[node] = true
            let sender = nodes[node]
            var clock = next.micros + (node == source ? 0 : processingMicros)
            for peer in overlay.peers[node] {
                let receiver = nodes[peer]
                clock += bits / min(sender.uploadBitsPerSecond, receiver.downloadBitsPerSecond) * 1_000_000
                let arrives = clock + latencies.micros[sender.region][receiver.region]
                messages += 1
                if arrives < arrival[peer] {
                    arrival[peer] = arrives
                    queue.insert(Arrival(micros: arrives, node: peer))
                }
            }
        }
        arrivalMicros = arrival
        self.messages = messages
    }

    /// The time by which `count` nodes have the block (the `count`-th earliest arrival), or `nil` when fewer ever
    /// do.
    func timeToReach(_ count: Int) -> Double? {
        guard count > 0 else { return 0 }
        let reached = arrivalMicros.filter(\.isFinite).sorted()
        return count <= reached.count ? reached[count - 1] : nil
    }

    /// One entry of the queue: ordered by time, then node, so ties pop in a fixed order.
    private struct Arrival: Comparable {
        var micros: Double
        var node: Int
        static func < (lhs: Arrival, rhs: Arrival) -> Bool {
            (lhs.micros, lhs.node) < (rhs.micros, rhs.node)
        }
    }
}
