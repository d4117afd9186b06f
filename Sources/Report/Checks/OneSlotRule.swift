import RunFormat

/// The rule the one-slot model obeys: a receipt committed by the source block of slot `s` is credited by the
/// destination shard's first crosslinked block after `s`, so a transfer's latency from inclusion to delivery is
/// 1 + the consecutive slots right after `s` in which the destination produced no crosslinked block (its proposer
/// was offline, its block was orphaned by the network, or its execution failed).
///
/// A transfer credited later than that is explained only when the destination's block at the predicted slot could
/// not take every receipt waiting (it trimmed receipts for its gas limit, or ended with receipts in its inbox): block
/// capacity, not the model. Any other difference breaks the rule.
struct OneSlotRule {
    /// Delivered transfers checked, those that followed the rule, and those explained by block capacity.
    var checked = 0
    var followed = 0
    var delayedByCapacity = 0
    /// Latencies by how many slots the destination produced nothing first, e.g. `[0: 410, 1: 37]`.
    var byMissedSlots: [Int: Int] = [:]
    /// The transfers that broke the rule, as `id: predicted → delivered`.
    var broken: [String] = []

    /// Checks every delivered transfer of `run`; `nil` when the run lacks the columns the rule needs.
    init?(_ run: RunFolder) {
        guard let slots = run.slots, let transfers = run.transfers,
            let slotColumn = slots.index(of: ColumnNames.slot), let shardColumn = slots.index(of: ColumnNames.shard),
            let missedColumn = slots.index(of: ColumnNames.missed),
            let outcome = transfers.index(of: ColumnNames.outcome),
            let included = transfers.index(of: ColumnNames.includedSlot),
            let delivered = transfers.index(of: ColumnNames.deliveredSlot),
            let destination = transfers.index(of: ColumnNames.destinationShard)
        else { return nil }
        let failureColumn = slots.index(of: ColumnNames.executionFailure)
        let trimmedColumn = slots.index(of: ColumnNames.receiptsTrimmed)
        let inboxColumn = slots.index(of: ColumnNames.inboxAfter)
        // Per (shard, slot): whether a crosslinked block was produced, and whether it was full of receipts.
        var produced: [Key: Bool] = [:]
        var full: [Key: Bool] = [:]
        var lastSlot = 0
        for row in slots.rows {
            guard let slot = Int(row[slotColumn]), let shard = Int(row[shardColumn]) else { continue }
            let key = Key(shard: shard, slot: slot)
            lastSlot = max(lastSlot, slot)
            let block = row[missedColumn] == "0" && (failureColumn.map { row[$0].isEmpty } ?? true)
            // With several EEs a shard has one row per EE: the shard produced a block only if every row says so.
            produced[key] = (produced[key] ?? true) && block
            let trimmed = trimmedColumn.map { (Int(row[$0]) ?? 0) > 0 } ?? false
            let waiting = inboxColumn.map { (Int(row[$0]) ?? 0) > 0 } ?? false
            full[key] = (full[key] ?? false) || trimmed || waiting
        }
        if let network = run.network, let slot = network.index(of: ColumnNames.slot),
            let shard = network.index(of: ColumnNames.shard),
            let crosslinked = network.index(of: ColumnNames.crosslinked)
        {
            for row in network.rows where row[crosslinked] != "1" {
                guard let s = Int(row[slot]), let h = Int(row[shard]) else { continue }
                produced[Key(shard: h, slot: s)] = false
            }
        }
        for row in transfers.rows where TransferOutcome(name: row[outcome]) == .delivered {
            guard let from = Int(row[included]), let to = Int(row[delivered]), let shard = Int(row[destination])
            else { continue }
            checked += 1
            var predicted = from + 1
            while predicted <= lastSlot, produced[Key(shard: shard, slot: predicted)] == false { predicted += 1 }
            if to == predicted {
                followed += 1
                byMissedSlots[predicted - from - 1, default: 0] += 1
            } else if to > predicted, (predicted..<to).contains(where: { full[Key(shard: shard, slot: $0)] == true }) {
                delayedByCapacity += 1
            } else {
                broken.append("\(row[0]): \(predicted - from) → \(to - from) slots")
            }
        }
    }

    private struct Key: Hashable {
        var shard: Int
        var slot: Int
    }
}
