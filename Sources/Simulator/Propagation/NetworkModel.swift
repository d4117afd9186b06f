import Beacon
import Scenarios

/// The network of a run with a `network:` section: every shard's committee (nodes in regions with drawn link
/// rates, and a gossip overlay between them), the propagation of each shard block to its committee and of each
/// beacon block to the next proposers, and the attestation deadline.
///
/// Everything is drawn once from the seed (`network/shard-N` for shard N's committee and overlay, and
/// `network/beacon/slot-N` for slot N's beacon overlay), so it needs no checkpoint and gives the same answer
/// whatever the thread count.
struct NetworkModel: Sendable {
    let latencies: RegionLatencies
    /// Each shard's committee, in shard order.
    let committees: [Committee]
    let gossipDegree: Int
    let processingMicros: Double
    /// The attestation deadline, in µs after the slot's start.
    let deadlineMicros: Double
    let seed: UInt64
    /// Bytes of a beacon block: a header plus one crosslink per shard (see ``beaconBlockBytes(shards:ees:)``).
    let beaconBlockBytes: Int

    /// One shard's committee: its members and the overlay they gossip over.
    struct Committee: Sendable {
        let nodes: [NetworkNode]
        let overlay: GossipOverlay

        /// Members needed to crosslink: at least 2/3 of the committee, rounded up.
        var quorum: Int { (2 * nodes.count + 2) / 3 }
    }

    init(_ network: Scenario.Network, shards: Int, ees: Int, seed: UInt64, latencies: RegionLatencies) {
        self.latencies = latencies
        self.seed = seed
        gossipDegree = network.gossipDegree
        processingMicros = Double(network.processingDelay.micros)
        deadlineMicros = Double(network.attestationDeadline.micros)
        beaconBlockBytes = Self.beaconBlockBytes(shards: shards, ees: ees)
        committees = (0..<shards).map { shard in
            var stream = RandomStream(runSeed: seed, name: "network/shard-\(shard)")
            let nodes = (0..<network.committeeSize).map { _ in
                NetworkNode(
                    region: latencies.drawRegion(&stream),
                    uploadBitsPerSecond: Self.draw(network.upload, &stream),
                    downloadBitsPerSecond: Self.draw(network.download, &stream))
            }
            let overlay = GossipOverlay.random(nodeCount: nodes.count, degree: network.gossipDegree, stream: &stream)
            return Committee(nodes: nodes, overlay: overlay)
        }
    }

    /// A rate drawn uniformly in `range`.
    private static func draw(_ range: Scenario.BandwidthRange, _ stream: inout RandomStream) -> Double {
        let low = Double(range.min.bitsPerSecond)
        return low + (Double(range.max.bitsPerSecond) - low) * stream.unitDouble()
    }

    /// A beacon block: a 256-byte header and signature, then per shard a crosslink (block root, receipt root, slot
    /// and shard: 80 bytes) with a 32-byte state root per EE.
    static func beaconBlockBytes(shards: Int, ees: Int) -> Int { 256 + shards * (80 + 32 * ees) }

    /// The committee member who proposes `shard`'s block: the proposer's validator index modulo the committee size.
    func member(_ proposer: ValidatorIndex, of shard: Int) -> Int {
        Int(proposer.index % UInt64(committees[shard].nodes.count))
    }

    /// When each shard's proposer of `slot` has the slot's beacon block, in µs after the slot's start.
    ///
    /// The beacon block (carrying the previous slot's crosslinks) is published at the slot's start by the proposer
    /// of shard `slot mod shards` and gossiped among the slot's shard proposers (offline ones relay too), each
    /// forwarding to `gossipDegree` of them drawn for the slot. A shard proposer publishes its block once it has
    /// the beacon block, since it needs the crosslinks to know which receipts it may process.
    func beaconArrivals(slot: Slot, proposers: [ValidatorIndex]) -> (micros: [Double], messages: Int) {
        let nodes = proposers.enumerated().map { shard, proposer in committees[shard].nodes[member(proposer, of: shard)]
        }
        var stream = RandomStream(runSeed: seed, name: "network/beacon/slot-\(slot.number)")
        let overlay = GossipOverlay.random(nodeCount: nodes.count, degree: gossipDegree, stream: &stream)
        let propagation = BlockPropagation(
            from: Int(slot.number % UInt64(nodes.count)), bytes: beaconBlockBytes, nodes: nodes, overlay: overlay,
            latencies: latencies, processingMicros: processingMicros)
        return (propagation.arrivalMicros, propagation.messages)
    }

    /// How `shard`'s block of `bytes` bytes, published by `proposer` at `publishedMicros` after the slot's start,
    /// reaches its committee, and whether 2/3 of it have the block by the attestation deadline.
    func deliver(shard: Int, proposer: ValidatorIndex, bytes: Int, publishedMicros: Double) -> BlockDelivery {
        let committee = committees[shard]
        let propagation = BlockPropagation(
            from: member(proposer, of: shard), bytes: bytes, nodes: committee.nodes, overlay: committee.overlay,
            latencies: latencies, processingMicros: processingMicros)
        let byDeadline = propagation.arrivalMicros.count { publishedMicros + $0 <= deadlineMicros }
        return BlockDelivery(
            publishedMicros: publishedMicros, quorumMicros: propagation.timeToReach(committee.quorum),
            reachedByDeadline: byDeadline, committee: committee.nodes.count, messages: propagation.messages,
            inTime: byDeadline >= committee.quorum)
    }
}

/// What the network did with one shard block.
struct BlockDelivery: Sendable, Equatable, Codable {
    /// When the proposer published it (it had the beacon block), in µs after the slot's start.
    var publishedMicros: Double
    /// How long after publication 2/3 of the committee had it, in µs; `nil` when the overlay never reaches 2/3.
    var quorumMicros: Double?
    /// Committee members (the proposer included) that had it by the attestation deadline.
    var reachedByDeadline: Int
    /// The committee's size.
    var committee: Int
    /// Messages the propagation delivered (duplicates included): the events an event-by-event simulation processes.
    var messages: Int
    /// Whether at least 2/3 of the committee had it by the deadline, so that it can be crosslinked.
    var inTime: Bool
}
