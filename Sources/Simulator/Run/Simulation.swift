import Beacon
import Dispatch
import Foundation
import RunFormat
import Shard
import Synchronization

/// One run of a scenario with one seed: the beacon chain stub, the shards, the users, and the metrics they produce.
///
/// The run is deterministic: events are ordered by (time, priority, sequence), every random draw comes from a
/// stream named for its component, shards execute a slot's blocks in parallel but their results are merged in shard
/// order, and wall-clock times are only ever written to their own file. Same scenario and seed, same bytes in
/// `slots.csv`, `transfers.csv` and `summary.csv`, whatever the thread count.
package final class Simulation {
    package let settings: SimulationSettings
    let engine: EventEngine<SimulationEvent>
    let proposers: ProposerSchedule
    let producer: BlockProducer
    /// Every shard's state, in shard order.
    var nodes: [ShardState] = []
    /// Each shard's users, in shard order (their draws are in the shard's state).
    let users: [WorkloadGenerator]
    var nextTransactionID: UInt64 = 0
    /// Cross-shard transfers not yet ended, by transaction id.
    var openTransfers: [UInt64: TransferRecord] = [:]
    /// Which transaction each receipt in flight carries.
    var receiptTransactions: [Receipt.ID: UInt64] = [:]
    var genesisTotal: Gwei = .zero
    var totals = RunTotals()
    var output: RunOutput?
    /// The cross-shard model's receipts held back from inboxes (finality wait, two-phase locks).
    var router: ReceiptRouter
    /// Optimistic model: checkpoints of the slots that can still be reverted (empty under the other models).
    var history: SlotHistory
    /// Optimistic model: output rows of slots that can still be rewritten (empty under the other models).
    var heldRows = HeldOutputRows()
    /// Optimistic model: which source blocks are reverted (`crossshard/reverts`).
    var revertStream: RandomStream
    /// Optimistic model: which blocks are orphaned at finality (`crossshard/orphans`).
    var orphanStream: RandomStream
    /// The state providers' full state on disk (`state.sqlite` in the run folder), when there is a run folder.
    var database: StateDatabase?
    /// The beacon chain's EE registry, filled at genesis from the scenario.
    package private(set) var registry = EERegistry()
    /// The latest crosslink of each shard (the beacon chain's view).
    package internal(set) var crosslinks: [Crosslink?]

    /// Checkpoints (see `Checkpoint/`): every how many slots one is written (0 = never), the snapshot a resumed
    /// run started from, and the flag that asks the run to stop at the end of the current slot (Ctrl-C).
    package var checkpointInterval: UInt64 = 0
    var resumedFrom: SimulationSnapshot?
    package var stopFlag: StopFlag?

    /// Sets up genesis: the EE registry, every shard's EEs and accounts, the users' first arrivals.
    package convenience init(settings: SimulationSettings, output: RunOutput? = nil) {
        self.init(settings: settings, output: output, restoring: nil)
    }

    /// Sets up genesis, or, given a checkpoint's snapshot, the state it holds (see `Simulation+Checkpoint.swift`).
    init(settings: SimulationSettings, output: RunOutput?, restoring snapshot: SimulationSnapshot?) {
        self.settings = settings
        self.output = output
        engine = EventEngine(clock: settings.clock, start: snapshot?.now ?? .genesis)
        proposers = ProposerSchedule(seed: settings.seed, offlineRate: settings.proposerOfflineRate)
        producer = BlockProducer(settings: settings, runtime: EERuntime(limits: settings.runtimeLimits))
        crosslinks = Array(repeating: nil, count: settings.shardCount)
        router = ReceiptRouter(rules: settings.crossShardRules)
        history = SlotHistory(depth: settings.crossShardRules.rewritableSlots)
        users = (0..<settings.shardCount).map { WorkloadGenerator(shard: ShardID(UInt16($0)), settings: settings) }
        revertStream = RandomStreams(runSeed: settings.seed).make("crossshard/reverts")
        orphanStream = RandomStreams(runSeed: settings.seed).make("crossshard/orphans")
        for ee in settings.ees {
            registry.register(name: ee.name, codeHash: ee.module.codeHash, deposit: ee.deposit)
        }
        if let snapshot {
            restore(snapshot)
            return
        }
        nodes = Self.genesis(settings, users: users, streams: RandomStreams(runSeed: settings.seed))
        if let fees = settings.fees {
            let ee = FeeMarketEE(module: settings.ees[Int(fees.ee.index)].module)
            FeeMarket.genesis(&nodes, settings: fees, ee: ee, seed: settings.seed)
        }
        genesisTotal = nodes.reduce(.zero) { $0 + $1.balances.reduce(.zero, +) }
        if settings.network != nil { totals.network = NetworkCounters() }
        for index in users.indices where users[index].isActive {
            let gap = users[index].nextGap(drawingFrom: &nodes[index].draws)
            engine.schedule(
                .arrival(ShardID(UInt16(index))), at: .genesis + gap, priority: SimulationEvent.arrivalPriority)
        }
        if settings.slotCount > 0 { scheduleBlocks(of: Slot(0)) }
    }

    /// Schedules the blocks of `slot` at its last microsecond. Each slot schedules the next when its blocks are
    /// produced, so a run of any length holds one such event, never one per slot up front.
    func scheduleBlocks(of slot: Slot) {
        engine.schedule(.produceBlocks(slot), at: lastMicrosecond(of: slot), priority: SimulationEvent.blockPriority)
    }

    /// Every shard at genesis: each EE with its genesis balance; each workload EE's accounts share it equally.
    private static func genesis(
        _ settings: SimulationSettings, users: [WorkloadGenerator], streams: RandomStreams
    ) -> [ShardState] {
        // Deriving every user's key is the slow part of genesis (about 25 µs each), so shards do it in parallel.
        // With background accounts only the active users get keys (BackgroundAccounts).
        let states = ParallelShards.map(count: settings.shardCount, threads: settings.shardCount) { shard in
            let shard = ShardID(UInt16(shard))
            return settings.workloads.map { workload in
                guard workload.hasBackground else {
                    return LiveWorkload.genesis(
                        workload.ee, id: workload.id, seed: settings.seed, shard: shard,
                        accountCount: workload.accountsPerShard, balance: workload.balancePerAccount)
                }
                let active = settings.accountPlacement.activeAccounts(
                    active: workload.activeAccountsPerShard, count: workload.accountsPerShard, seed: settings.seed,
                    ee: workload.id, shard: shard)
                return LiveWorkload.genesis(
                    workload.ee, id: workload.id, shard: shard,
                    background: BackgroundAccounts(
                        accountCount: workload.accountsPerShard, seed: settings.seed,
                        balance: workload.balancePerAccount),
                    active: active)
            }
        }
        return states.enumerated().map { shard, states in
            var roots = [Root](repeating: .zero, count: settings.ees.count)
            var balances = settings.ees.map(\.genesisBalancePerShard)
            for (workload, state) in zip(settings.workloads, states) {
                roots[Int(workload.id.index)] = state.root
                balances[Int(workload.id.index)] = Gwei(
                    workload.balancePerAccount.value * UInt64(workload.accountsPerShard))
            }
            return ShardState(
                id: ShardID(UInt16(shard)), stateRoots: roots, balances: balances, workloads: states,
                draws: users[shard].genesisDraws(streams), faultStream: streams.make("faults/shard-\(shard)"))
        }
    }

    func lastMicrosecond(of slot: Slot) -> SimTime {
        SimTime(micros: settings.clock.start(of: slot.next).micros - 1)
    }

    /// Runs every slot of the scenario; `progress` is called after each slot.
    ///
    /// - Throws: ``SimulationError`` when the EE and its state provider disagree, ETH is not conserved, or an output
    ///   file cannot be written. Slots finished before the error are on disk.
    ///   `run.json` records how the run ended: `stopped` after a stop request, `failed` with the error.
    @discardableResult
    package func run(progress: ((SimulationProgress) -> Void)? = nil) throws(SimulationError) -> SimulationEnd {
        do {
            let end = try runSlots(progress: progress)
            if case .interrupted = end { output?.record(.stopped, settings: settings, totals: totals) }
            return end
        } catch {
            output?.record(.failed, error: error.description, settings: settings, totals: totals)
            throw error
        }
    }

    /// Whether any slot's rows are on disk (a resumed run counts the slots before its checkpoint).
    package var hasWrittenSlots: Bool { output != nil && totals.slots > 0 }

    private func runSlots(progress: ((SimulationProgress) -> Void)?) throws(SimulationError) -> SimulationEnd {
        output?.checkpointEvery = checkpointInterval
        if let resumedFrom {
            try reopenOutputs(at: resumedFrom)
        } else {
            try output?.begin(settings: settings)
            if let output { try openDatabase(in: output.folder) }
        }
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let lastSlot = Slot(settings.slotCount == 0 ? 0 : settings.measurement.maximumSlots - 1)
        guard settings.slotCount > 0 else {
            try output?.finish(settings: settings, totals: totals, openTransfers: [], conservation: genesisTotal)
            return .finished
        }
        var stoppedAfter: Slot?
        try engine.run(until: .endOfSlot(lastSlot)) { (event: SimulationEvent) throws(SimulationError) in
            switch event {
            case .arrival(let shard):
                arrive(on: shard)
            case .produceBlocks(let slot):
                if slot.number + 1 < settings.slotCount { scheduleBlocks(of: slot.next) }
                try produceBlocks(slot)
                // The drain: after the last arrival slot, one more slot while anything is in flight, up to its cap.
                let drains = slot.number + 1 >= settings.slotCount && drainContinues(after: slot)
                if drains { scheduleBlocks(of: slot.next) }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
                progress?(
                    SimulationProgress(
                        slot: slot, slotCount: settings.measurement.maximumSlots, simulatedSeconds: engine.now.seconds,
                        wallSeconds: elapsed, transactionsIncluded: totals.transactionsIncluded,
                        firstSlot: resumedFrom.map { $0.slot + 1 } ?? 0))
                if try checkpointIfDue(after: slot, isLast: slot.number + 1 >= settings.slotCount && !drains) {
                    stoppedAfter = slot
                    engine.requestStop()
                }
            }
        }
        if let stoppedAfter { return .interrupted(after: stoppedAfter) }
        writeHeldRows()
        finishMeasurement()
        let pending = openTransfers.values.sorted { $0.transaction.id < $1.transaction.id }
        try output?.finish(settings: settings, totals: totals, openTransfers: pending, conservation: genesisTotal)
        return .finished
    }

    private func arrive(on shard: ShardID) {
        let index = Int(shard.index)
        // Arrivals stop with the last arrival slot; the drain after it has none.
        guard engine.now < settings.measurement.arrivalsEnd(settings.clock) else { return }
        let transaction = users[index].transaction(
            id: nextTransactionID, at: engine.now, drawingFrom: &nodes[index].draws)
        nextTransactionID += 1
        nodes[index].mempool.append(transaction)
        count(arrival: transaction)
        let gap = users[index].nextGap(at: engine.now, drawingFrom: &nodes[index].draws)
        engine.schedule(.arrival(shard), after: gap, priority: SimulationEvent.arrivalPriority)
    }

    /// Every shard's block for `slot`, in parallel; then the merge, in shard order, and the cross-shard model's end
    /// of slot (which may revert an earlier block and replay the slots since).
    private func produceBlocks(_ slot: Slot) throws(SimulationError) {
        checkpoint(before: slot)
        let outcomes = try executeShards(slot)
        try settle(outcomes, slot: slot)
        try revertIfDue(after: slot)
        try checkConservation(after: slot)
        writeFinalRows(after: slot)
        try output?.endSlot()
    }

    /// Merges the blocks of `slot` in shard order, hands their receipts to the cross-shard model, and persists the
    /// shards' state. A rollback calls it again for every slot it replays.
    func settle(_ outcomes: [ShardSlotOutcome], slot: Slot) throws(SimulationError) {
        var sent: [Receipt] = []
        for outcome in outcomes {
            try record(outcome, slot: slot)
            sent += outcome.sentReceipts.map(\.receipt)
            if let crosslink = outcome.crosslink { crosslinks[Int(crosslink.shard.index)] = crosslink }
        }
        routeReceipts(sent, outcomes: outcomes, slot: slot)
        totals.slots += 1
        try persist(outcomes, slot: slot)
    }

    /// Every shard's step of `slot`, in parallel: each worker owns the states it steps (moved out of ``nodes`` and
    /// back, so no storage is shared and nothing is copied), and the results come back in shard order.
    private func executeShards(_ slot: Slot) throws(SimulationError) -> [ShardSlotOutcome] {
        let producer = self.producer
        let proposers = self.proposers
        let beacon = beaconArrivals(of: slot)
        let inputs = Mutex<[ShardState?]>(nodes.map { $0 })
        nodes = []
        let results = ParallelShards.map(count: inputs.withLock { $0.count }, threads: settings.threads) { shard in
            var state = inputs.withLock { states in
                defer { states[shard] = nil }
                return states[shard]!
            }
            let proposer = proposers.proposer(of: state.id, in: slot)
            let result = Result { () throws(SimulationError) in
                try producer.step(&state, slot: slot, proposer: proposer, beaconArrivalMicros: beacon?[shard])
            }
            return (state, result)
        }
        nodes = results.map(\.0)
        var outcomes: [ShardSlotOutcome] = []
        for (_, result) in results {
            switch result {
            case .success(let outcome): outcomes.append(outcome)
            case .failure(let error): throw error
            }
        }
        return outcomes
    }

    /// With a network, when each shard's proposer of `slot` has the slot's beacon block (µs after the slot's start);
    /// `nil` without one. An offline proposer's place in the beacon gossip is taken by its committee's first member.
    func beaconArrivals(of slot: Slot) -> [Double]? {
        guard let network = settings.network else { return nil }
        let validators = (0..<settings.shardCount).map {
            proposers.proposer(of: ShardID(UInt16($0)), in: slot) ?? ValidatorIndex(0)
        }
        let beacon = network.beaconArrivals(slot: slot, proposers: validators)
        totals.network?.messages += UInt64(beacon.messages)
        return beacon.micros
    }

    /// Updates totals, transfer records and outputs with one shard's outcome.
    private func record(_ outcome: ShardSlotOutcome, slot: Slot) throws(SimulationError) {
        if outcome.orphaned {
            totals.network?.orphanedBlocks += 1
        } else if outcome.rows[0].proposer == nil {
            totals.missedSlots += 1
        } else {
            totals.blocks += 1
        }
        if let row = outcome.network {
            totals.network?.messages += UInt64(row.delivery?.messages ?? 0)
            if row.delivery != nil { totals.network?.publishedBlockBytes += UInt64(row.blockBytes) }
            if let quorum = row.delivery?.quorumMicros {
                totals.network?.quorumMicrosSum += quorum
                totals.network?.quorumCount += 1
            }
            emit(.network(row), slot: slot)
        }
        for row in outcome.rows {
            totals.transactionsIncluded += UInt64(row.transactions)
            totals.transactionsApplied += UInt64(row.applied)
            totals.transactionsRejected += UInt64(row.transactions - row.applied)
            totals.receiptsSent += UInt64(row.receiptsOut)
            totals.gasUsed += row.gasUsed
            totals.transactionsTrimmed += UInt64(row.transactionsTrimmed)
            totals.witnessBytes += UInt64(row.witnessBytes)
            totals.blockBytes += UInt64(row.blockBytes)
        }
        totals.executionWallMicros += outcome.executionWallMicros
        totals.measured.transactionsApplied += UInt64(
            outcome.included.count { $0.result == .applied && isMeasured($0.transaction) })
        for (transaction, result) in outcome.included.map({ ($0.transaction, $0.result) })
        where transaction.sendsReceipt {
            openTransfers[transaction.id]?.includedSlot = slot
            if let rejection = TransferOutcome.Rejection(result) {
                guard var record = openTransfers.removeValue(forKey: transaction.id) else { continue }
                record.outcome = .rejected(rejection)
                if isMeasured(transaction) { totals.measured.failed += 1 }
                emit(.transfer(record), slot: slot)
            }
        }
        // Expired transfers end here: their row is written with this slot's rows.
        for id in outcome.expired {
            guard var record = openTransfers.removeValue(forKey: id) else { continue }
            record.outcome = .expired
            if isMeasured(record.transaction) { totals.measured.failed += 1 }
            emit(.transfer(record), slot: slot)
        }
        for (receipt, transactionID) in outcome.sentReceipts.map({ ($0.receipt, $0.transactionID) }) {
            receiptTransactions[receipt.id] = transactionID
            openTransfers[transactionID]?.outcome = .inFlight
        }
        recordLocks(outcome, slot: slot)
        for receipt in outcome.claimedReceipts {
            guard let transactionID = receiptTransactions.removeValue(forKey: receipt.id),
                var record = openTransfers.removeValue(forKey: transactionID)
            else { continue }
            let transaction = record.transaction
            if case .aborting(let reason) = record.outcome {
                // A two-phase refund: the sender got the amount back; the transfer happened on neither shard, and
                // the sender's account is free again.
                nodes[Int(transaction.sourceShard.index)].locks.unlock(
                    ee: transaction.ee, account: transaction.from, heldBy: transaction.id)
                record.outcome = .aborted(reason)
                totals.crossShard.recordEnd(of: record)
                if isMeasured(record.transaction) { totals.measured.failed += 1 }
                emit(.transfer(record), slot: slot)
                continue
            }
            // Two-phase commit: the credit is applied, so the recipient's account is free again.
            nodes[Int(transaction.destinationShard.index)].locks.unlock(
                ee: transaction.destinationEE, account: transaction.to, heldBy: transaction.id)
            record.deliveredSlot = slot
            record.deliveredAt = lastMicrosecond(of: slot)
            record.outcome = .delivered
            totals.crossShardDelivered += 1
            totals.crossShard.recordEnd(of: record)
            if let latency = record.latency(clock: settings.clock) {
                totals.latency.add(latency)
                if isMeasured(record.transaction) {
                    totals.measured.delivered += 1
                    totals.measured.latencyMicrosSum += Double(latency.submissionToDeliveryMicros)
                }
            }
            emit(.transfer(record), slot: slot)
        }
        for row in outcome.rows { emit(.slot(row, wallMicros: row.executionWallMicros), slot: slot) }
        if let fees = outcome.fees {
            totals.record(fees)
            emit(.fees(fees), slot: slot)
        }
    }

    /// Creates `state.sqlite` with every genesis account.
    private func openDatabase(in folder: URL) throws(SimulationError) {
        let url = folder.appendingPathComponent("state.sqlite")
        try? FileManager.default.removeItem(at: url)
        do {
            let database = try StateDatabase(url: url)
            try database.transaction { () throws(StateDatabaseError) in
                for node in nodes {
                    for (workload, state) in zip(settings.workloads, node.workloads) {
                        try database.writeGenesis(accounts: state.accounts, shard: node.id, ee: workload.id)
                        if let background = state.background {
                            try database.writeBackground(
                                background, description: workload.ee.backgroundDescription, shard: node.id,
                                ee: workload.id)
                        }
                    }
                }
            }
            self.database = database
        } catch {
            throw .output(url.path, error.description)
        }
    }

    /// Writes the slot's touched accounts and every shard's EE states, in one transaction.
    func persist(_ outcomes: [ShardSlotOutcome], slot: Slot) throws(SimulationError) {
        guard let database else { return }
        do {
            try database.transaction { () throws(StateDatabaseError) in
                for (node, outcome) in zip(nodes, outcomes) {
                    for (workload, accounts) in zip(settings.workloads, outcome.touchedAccounts) {
                        try database.write(accounts: accounts, changedIn: slot, shard: node.id, ee: workload.id)
                    }
                    for ee in settings.ees {
                        try database.write(
                            stateRoot: node.stateRoots[Int(ee.id.index)], balance: node.balances[Int(ee.id.index)],
                            slot: slot, shard: node.id, ee: ee.id)
                    }
                }
            }
        } catch {
            throw .output(database.url.path, error.description)
        }
    }

    /// Total ETH — every EE's balance on every shard, receipts in flight with their prepaid fees (in inboxes, or
    /// held by the cross-shard model), fees burned and fees paid to proposers — must equal genesis; each shard's workload accounts must add
    /// up to the workload EE's balance there, and its relayers' deposits to the fee-market EE's.
    private func checkConservation(after slot: Slot) throws(SimulationError) {
        var total = router.heldGwei + router.heldPrepaidGwei
        for node in nodes {
            total = node.balances.reduce(total, +)
            total = node.inbox.reduce(total) { $0 + $1.carriedGwei }
            if let fees = node.fees { total = total + fees.burnedTotal + fees.paidToProposersTotal }
        }
        guard total == genesisTotal else {
            throw .conservationViolated(slot: slot, expected: genesisTotal, actual: total)
        }
        for node in nodes {
            for (workload, state) in zip(settings.workloads, node.workloads) {
                let accounts = state.totalBalance
                let balance = node.balances[Int(workload.id.index)]
                guard accounts == balance else {
                    throw .conservationViolated(
                        slot: slot, expected: balance, actual: accounts, shard: node.id, ee: workload.name)
                }
            }
            if let fees = node.fees, let ee = settings.fees?.ee, fees.deposits != node.balances[Int(ee.index)] {
                throw .conservationViolated(
                    slot: slot, expected: node.balances[Int(ee.index)], actual: fees.deposits, shard: node.id,
                    ee: settings.ees[Int(ee.index)].name)
            }
        }
    }
}

/// Where a run is, for a progress line.
package struct SimulationProgress: Sendable {
    package var slot: Slot
    package var slotCount: UInt64
    package var simulatedSeconds: Double
    package var wallSeconds: Double
    package var transactionsIncluded: UInt64
    /// The slot this process started at: 0, or the one after the checkpoint a resumed run started from.
    package var firstSlot: UInt64 = 0
}
