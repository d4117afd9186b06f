import Beacon
import Shard

/// The optimistic model's reverts: when a block's crosslink would become final, it is orphaned (any block, with
/// `crossShard.orphanRate`) or reverted (a block that sent receipts, with `crossShard.revertProbability`), and
/// every shard whose blocks depended on it is rolled back and re-executed in wasm.
///
/// The rules (also in `Documentation/CrossShardModels.md`):
/// - At the end of slot s + F (F = `crossShard.finalityDelay` in slots), a block of slot s that sent receipts
///   gets one draw from `crossshard/reverts`, in shard order; then every produced block of slot s gets one draw
///   from `crossshard/orphans` (only when `orphanRate` is above zero), in shard order. Either draw orphans it.
/// - A reverted block is orphaned: its slot becomes empty on its shard (a missed slot in `slots.csv`), its user
///   transactions stay in the mempool and its receipts are never sent.
/// - The run restores its bookkeeping to before slot s and replays slots s…s + F. A shard's block is taken over
///   unchanged when the shard's state before it (roots, balances, pending transactions, users' draws, inbox, fault
///   draws) equals the recorded one; otherwise it is produced and executed again, for real. Changes spread through
///   receipts: a re-executed block that sends different receipts changes its destinations' inboxes, which
///   re-executes them.
/// - Arrivals are not drawn again: each replayed slot gets the arrivals it had, and every shard's users' draws
///   (``UserDraws``) are where those arrivals left them, so the run goes on drawing what it would have drawn.
/// - Cascade depth: the reverted shard is at depth 0; a shard first re-executed because of changed receipts is at
///   1 + the deepest depth among the senders of those receipts.
extension Simulation {
    /// Decides the reverts due at the end of `slot` and replays if there are any.
    func revertIfDue(after slot: Slot) throws(SimulationError) {
        guard case .optimistic(let finality, let probability, let orphanRate) = settings.crossShardRules,
            slot.number >= finality, let index = history.index(of: Slot(slot.number - finality))
        else { return }
        var reverted: [Int] = []
        for (shard, outcome) in history[index].outcomes.enumerated()
        where outcome.crosslink != nil && !outcome.sentReceipts.isEmpty {
            if revertStream.bernoulli(probability) { reverted.append(shard) }
        }
        // Orphans: every produced block of the slot, receipts or not, one draw each in shard order; drawn only
        // when the rate is set, so runs without it draw what they drew before.
        var orphaned: [Int] = []
        if orphanRate > 0 {
            for (shard, outcome) in history[index].outcomes.enumerated() where outcome.crosslink != nil {
                if orphanStream.bernoulli(orphanRate) { orphaned.append(shard) }
            }
        }
        let orphans = Set(reverted).union(orphaned)
        guard !orphans.isEmpty else { return }
        try replay(from: index, through: slot, orphaning: orphans)
        totals.crossShard.blocksOrphaned += UInt64(orphaned.count)
    }

    /// Replays the slots from the checkpoint at `first` through `last`, without the blocks of `orphans` in the
    /// first of them.
    private func replay(from first: Int, through last: Slot, orphaning orphans: Set<Int>) throws(SimulationError) {
        let start = history[first].slot
        let claimedBefore = claims(from: first)
        // Counters of what the model did survive the rollback that restores the rest.
        let counters = totals.crossShard
        bookkeeping = history[first].bookkeeping
        totals.crossShard = counters
        heldRows.discard(from: start)
        try forgetStates(from: start)
        nodes = history[first].before

        var depth = [UInt64?](repeating: nil, count: nodes.count)
        for shard in orphans { depth[shard] = 0 }
        var reExecuted = Set<Int>()
        for index in first..<(first + Int(last.number - start.number) + 1) {
            let recorded = history[index]
            let slot = recorded.slot
            if index > first {
                // The slot's arrivals, as they happened: ids at or above the previous slot's boundary, with the
                // users' draws that produced them.
                let boundary = history[index - 1].nextTransactionID
                for (shard, before) in recorded.before.enumerated() {
                    let arrivals = before.mempool.filter { $0.id >= boundary }
                    nodes[shard].mempool.append(contentsOf: arrivals)
                    nodes[shard].draws = before.draws
                    for transaction in arrivals { resubmit(transaction) }
                }
            }
            history[index].bookkeeping = bookkeeping
            history[index].before = nodes
            var outcomes: [ShardSlotOutcome] = []
            let beacon = beaconArrivals(of: slot)
            for shard in nodes.indices {
                let orphaned = index == first && orphans.contains(shard)
                if !orphaned, nodes[shard] == recorded.before[shard] {
                    outcomes.append(recorded.outcomes[shard])
                    nodes[shard] = recorded.after[shard]
                    continue
                }
                let node = nodes[shard]
                if depth[shard] == nil {
                    let changed = Set(node.inbox).symmetricDifference(recorded.before[shard].inbox)
                    let senders = changed.compactMap { depth[Int($0.id.sourceShard.index)] }
                    depth[shard] = 1 + (senders.max() ?? 0)
                }
                let proposer = orphaned ? nil : proposers.proposer(of: node.id, in: slot)
                let outcome = try producer.step(
                    &nodes[shard], slot: slot, proposer: proposer, beaconArrivalMicros: beacon?[shard])
                if proposer != nil { totals.crossShard.blocksReExecuted += 1 }
                // The version this block replaces was executed for nothing.
                totals.crossShard.discardedGas += recorded.outcomes[shard].gasUsed
                totals.crossShard.discardedWitnessBytes += UInt64(recorded.outcomes[shard].witnessBytes)
                reExecuted.insert(shard)
                outcomes.append(outcome)
            }
            try settle(outcomes, slot: slot)
        }

        let undone = claimedBefore.subtracting(claims(from: first))
        let cascade = depth.compactMap { $0 }.max() ?? 0
        totals.crossShard.blocksReverted += UInt64(orphans.count)
        totals.crossShard.rollbacks += 1
        totals.crossShard.deliveriesRolledBack += UInt64(undone.count)
        totals.crossShard.cascadeDepthSum += cascade
        totals.crossShard.maxCascadeDepth = max(totals.crossShard.maxCascadeDepth, cascade)
        output?.rollback(
            RollbackRow(
                decidedSlot: last, revertedSlot: start, revertedShards: orphans.sorted().map { Int($0) },
                shardsReexecuted: reExecuted.count, shardsAffected: depth.compactMap { $0 }.count,
                cascadeDepth: cascade, deliveriesUndone: undone.count))
    }

    /// Counts an arrival again after the bookkeeping was restored to before it (what ``arrive(on:)`` counts).
    private func resubmit(_ transaction: UserTransaction) {
        count(arrival: transaction)
    }

    /// Every receipt claim recorded from the checkpoint at `first` on, as (receipt, claiming slot).
    private func claims(from first: Int) -> Set<ClaimKey> {
        var claims = Set<ClaimKey>()
        for index in first..<history.checkpoints.count {
            for outcome in history[index].outcomes {
                for receipt in outcome.claimedReceipts {
                    claims.insert(ClaimKey(receipt: receipt.id, slot: history[index].slot))
                }
            }
        }
        return claims
    }

    /// Removes from `state.sqlite` what the slots from `slot` on wrote: the replay writes every one of them again,
    /// so the file holds no account change or root of a discarded block.
    private func forgetStates(from slot: Slot) throws(SimulationError) {
        guard let database else { return }
        do {
            try database.transaction { () throws(StateDatabaseError) in try database.deleteStates(from: slot) }
        } catch {
            throw .output(database.url.path, error.description)
        }
    }
}

/// A receipt claimed in a given slot: a delivery, for counting the ones a rollback undid.
private struct ClaimKey: Hashable {
    let receipt: Receipt.ID
    let slot: Slot
}
