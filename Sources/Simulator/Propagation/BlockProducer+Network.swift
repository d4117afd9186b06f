import Beacon

extension BlockProducer {
    /// One shard's slot with the network in the loop: the block is produced as usual, then propagated to the
    /// shard's committee; if fewer than 2/3 of the committee have it by the attestation deadline, the slot is
    /// orphaned: `node` goes back to its value before the slot (so the block's transactions are in the mempool
    /// again, its receipts are unclaimed and none of its own are sent), and the slot counts as one with no block.
    /// Without a network (or when the proposer is offline) it is ``produce(_:slot:proposer:)``.
    ///
    /// - Parameter beaconArrivalMicros: when the proposer had the slot's beacon block, in µs after the slot's
    ///   start: it publishes its block then (at the slot's end if the beacon gossip never reaches it).
    func step(
        _ node: inout ShardState, slot: Slot, proposer: ValidatorIndex?, beaconArrivalMicros: Double?
    ) throws(SimulationError) -> ShardSlotOutcome {
        guard let network = settings.network else { return try produce(&node, slot: slot, proposer: proposer) }
        let shard = Int(node.id.index)
        guard let proposer else {
            var missed = try produce(&node, slot: slot, proposer: nil)
            missed.network = NetworkRow(
                slot: slot, shard: node.id, proposer: nil, outcome: .missed, blockBytes: 0,
                delivery: nil, committee: network.committees[shard].nodes.count)
            return missed
        }
        let before = node
        var outcome = try produce(&node, slot: slot, proposer: proposer)
        let bytes = outcome.rows.reduce(0) { $0 + $1.blockBytes }
        // A proposer the beacon gossip never reaches publishes at the slot's end: too late for any deadline.
        let slotMicros = Double(settings.clock.slotDuration.micros)
        let published = beaconArrivalMicros.map { $0.isFinite ? $0 : slotMicros } ?? 0
        let delivery = network.deliver(shard: shard, proposer: proposer, bytes: bytes, publishedMicros: published)
        let failed = outcome.crosslink == nil
        guard !failed, !delivery.inTime else {
            outcome.network = NetworkRow(
                slot: slot, shard: node.id, proposer: proposer, outcome: failed ? .failed : .crosslinked,
                blockBytes: bytes, delivery: delivery, committee: delivery.committee)
            return outcome
        }
        node = before
        var orphaned = try produce(&node, slot: slot, proposer: nil)
        for index in orphaned.rows.indices { orphaned.rows[index].proposer = proposer }
        orphaned.orphaned = true
        orphaned.executionWallMicros = outcome.executionWallMicros
        orphaned.network = NetworkRow(
            slot: slot, shard: node.id, proposer: proposer, outcome: .orphaned, blockBytes: bytes, delivery: delivery,
            committee: delivery.committee)
        return orphaned
    }
}
