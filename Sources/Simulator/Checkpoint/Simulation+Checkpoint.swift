import Beacon
import DequeModule
import Foundation
import Shard

/// How a run ended.
package enum SimulationEnd: Sendable, Equatable {
    /// Every slot ran; the run folder is complete.
    case finished
    /// Stopped on request (Ctrl-C) after `slot`, with a checkpoint there: `shardsim run --resume` continues.
    case interrupted(after: Slot)
}

extension Simulation {
    /// A run resumed from the latest checkpoint in `folder`'s `state.sqlite`, or `nil` when there is none.
    ///
    /// `makeSettings` turns the checkpoint's seed into settings (from the folder's `scenario.yaml`).
    package static func resuming(
        folder: URL, makeSettings: (UInt64) throws(SimulationError) -> SimulationSettings
    ) throws(SimulationError) -> Simulation? {
        let url = folder.appendingPathComponent("state.sqlite")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let stored: (slot: Slot, snapshot: Data)?
        let database: StateDatabase
        do {
            database = try StateDatabase(url: url)
            stored = try database.latestCheckpoint()
        } catch {
            throw .output(url.path, error.description)
        }
        guard let stored else { return nil }
        let header: SnapshotHeader
        do { header = try JSONDecoder().decode(SnapshotHeader.self, from: stored.snapshot) } catch {
            throw .checkpoint(url.path, "the checkpoint after slot \(stored.slot.number) cannot be read: \(error)")
        }
        guard header.format == SimulationSnapshot.formatVersion else {
            throw .checkpoint(
                url.path,
                "checkpoint format \(header.format), this shardsim reads format \(SimulationSnapshot.formatVersion)")
        }
        let settings = try makeSettings(header.seed)
        let snapshot: SimulationSnapshot
        do { snapshot = try SimulationSnapshot.decode(stored.snapshot, workloads: settings.workloads) } catch {
            throw .checkpoint(url.path, "the checkpoint after slot \(stored.slot.number) cannot be read: \(error)")
        }
        guard snapshot.nodes.count == settings.shardCount else {
            throw .checkpoint(
                url.path, "the checkpoint has \(snapshot.nodes.count) shards, scenario.yaml \(settings.shardCount)")
        }
        try ResumeChecks.verify(snapshot, settings: settings, folder: folder, database: database)
        let simulation = Simulation(settings: settings, output: RunOutput(folder: folder), restoring: snapshot)
        simulation.resumedFrom = snapshot
        return simulation
    }

    /// Whether this run writes checkpoints: every run does (under the optimistic model the snapshot holds the slots
    /// a revert can still rewrite and their held output rows).
    package var keepsCheckpoints: Bool { true }

    /// After `slot`: writes a checkpoint when one is due or a stop was requested; returns whether to stop. After the
    /// run's last slot (`isLast`: the last arrival slot without a drain, or the drain's end) there is nothing to
    /// resume, so no checkpoint is written.
    func checkpointIfDue(after slot: Slot, isLast: Bool) throws(SimulationError) -> Bool {
        let stop = stopFlag?.isSet == true && !isLast
        let due = checkpointInterval > 0 && (slot.number + 1) % checkpointInterval == 0 && !isLast
        guard stop || due, let database, let output else { return stop }
        do {
            var snapshot = snapshot(after: slot, outputLengths: output.lengths)
            snapshot.scenarioFingerprint = settings.scenario.fingerprint
            let data = try snapshot.encoded()
            try database.writeCheckpoint(slot: slot, snapshot: data)
        } catch let error as StateDatabaseError {
            throw .output(database.url.path, error.description)
        } catch {
            throw .output(database.url.path, "cannot encode the checkpoint: \(error)")
        }
        return stop
    }

    /// Truncates the CSV files to the checkpoint, reopens them for appending, and brings `state.sqlite` back to the
    /// checkpoint: EE states and account changes of later slots removed.
    func reopenOutputs(at snapshot: SimulationSnapshot) throws(SimulationError) {
        guard let output else { return }
        try output.resume(settings: settings, lengths: snapshot.outputLengths)
        let url = output.folder.appendingPathComponent("state.sqlite")
        do {
            let database = try StateDatabase(url: url)
            try database.transaction { () throws(StateDatabaseError) in
                // Account changes are appended per slot, so the file as of the checkpoint is the file without the
                // slots after it.
                try database.deleteStates(after: Slot(snapshot.slot))
            }
            self.database = database
        } catch {
            throw .output(url.path, error.description)
        }
    }

    /// The state of the run now, between slots.
    func snapshot(after slot: Slot, outputLengths: [String: UInt64]) -> SimulationSnapshot {
        SimulationSnapshot(
            seed: settings.seed,
            slot: slot.number,
            now: engine.now.micros,
            pendingEvents: engine.pendingEvents.map { scheduled -> SimulationSnapshot.PendingEvent in
                switch scheduled.event {
                case .produceBlocks(let slot):
                    .init(
                        kind: "produceBlocks", value: slot.number, time: scheduled.key.time.micros,
                        priority: scheduled.key.priority.value)
                case .arrival(let shard):
                    .init(
                        kind: "arrival", value: UInt64(shard.index), time: scheduled.key.time.micros,
                        priority: scheduled.key.priority.value)
                }
            },
            nodes: nodes,
            workloadStreams: generators.map { Self.state($0.stream) },
            nextTransactionID: nextTransactionID,
            openTransfers: openTransfers.keys.sorted().map { id in
                let record = openTransfers[id]!
                return SimulationSnapshot.Transfer(
                    transaction: Self.state(record.transaction), includedSlot: record.includedSlot?.number,
                    deliveredSlot: record.deliveredSlot?.number, deliveredMicros: record.deliveredAt?.micros,
                    outcome: record.outcome, lockWaitSlots: record.lockWaitSlots)
            },
            receiptTransactions: receiptTransactions.keys.sorted().map { id in
                SimulationSnapshot.ReceiptTransaction(
                    sourceShard: id.sourceShard.index, sourceSlot: id.sourceSlot.number, index: id.index,
                    transaction: receiptTransactions[id]!)
            },
            genesisTotalGwei: genesisTotal.value,
            totals: totals,
            crosslinks: crosslinks.map { link in
                link.map {
                    SimulationSnapshot.CrosslinkState(
                        shard: $0.shard.index, slot: $0.slot.number, blockRoot: Data($0.blockRoot.bytes),
                        stateRoots: $0.stateRoots.map { Data($0.bytes) }, receiptRoot: Data($0.receiptRoot.bytes))
                }
            },
            outputLengths: outputLengths,
            feeStreams: generators.compactMap { $0.bidStream.map { Self.state($0) } },
            heldReceipts: router.held.map {
                SimulationSnapshot.Held(
                    receipt: Self.state($0.receipt), stage: $0.stage == .locked ? "locked" : "awaitingFinality",
                    releaseAfter: $0.releaseAfter.number,
                    parties: $0.parties.map { [$0.transfer, UInt64($0.sender), UInt64($0.recipient)] },
                    waitingSince: $0.waitingSince?.number)
            },
            refundsIssued: router.refundsIssued,
            revertStream: Self.state(revertStream),
            orphanStream: Self.state(orphanStream),
            history: history,
            heldRows: heldRows)
    }

    /// Sets every piece of run state from `snapshot` (called by `init` instead of genesis).
    func restore(_ snapshot: SimulationSnapshot) {
        let streams = RandomStreams(runSeed: settings.seed)
        nodes = snapshot.nodes
        history = snapshot.history
        heldRows = snapshot.heldRows
        generators = snapshot.workloadStreams.enumerated().map { index, stream in
            var generator = WorkloadGenerator(shard: ShardID(UInt16(index)), settings: settings, streams: streams)
            generator.stream = Self.stream(stream)
            if snapshot.feeStreams.indices.contains(index) {
                generator.bidStream = Self.stream(snapshot.feeStreams[index])
            }
            return generator
        }
        nextTransactionID = snapshot.nextTransactionID
        openTransfers = Dictionary(
            uniqueKeysWithValues: snapshot.openTransfers.map { state in
                var record = TransferRecord(transaction: Self.transaction(state.transaction))
                record.includedSlot = state.includedSlot.map { Slot($0) }
                record.deliveredSlot = state.deliveredSlot.map { Slot($0) }
                record.deliveredAt = state.deliveredMicros.map { SimTime(micros: $0) }
                record.outcome = state.outcome
                record.lockWaitSlots = state.lockWaitSlots
                return (state.transaction.id, record)
            })
        receiptTransactions = Dictionary(
            uniqueKeysWithValues: snapshot.receiptTransactions.map {
                (
                    Receipt.ID(sourceShard: ShardID($0.sourceShard), sourceSlot: Slot($0.sourceSlot), index: $0.index),
                    $0.transaction
                )
            })
        router = ReceiptRouter(
            rules: settings.crossShardRules,
            held: snapshot.heldReceipts.map {
                HeldReceipt(
                    receipt: Self.receipt($0.receipt), stage: $0.stage == "locked" ? .locked : .awaitingFinality,
                    releaseAfter: Slot($0.releaseAfter),
                    parties: $0.parties.flatMap { parties in
                        parties.count == 3
                            ? HeldReceipt.Parties(
                                transfer: parties[0], sender: UInt32(truncatingIfNeeded: parties[1]),
                                recipient: UInt32(truncatingIfNeeded: parties[2])) : nil
                    },
                    waitingSince: $0.waitingSince.map { Slot($0) })
            },
            refundsIssued: snapshot.refundsIssued)
        revertStream = Self.stream(snapshot.revertStream)
        orphanStream = Self.stream(snapshot.orphanStream)
        genesisTotal = Gwei(snapshot.genesisTotalGwei)
        totals = snapshot.totals
        crosslinks = snapshot.crosslinks.map { link in
            link.map {
                Crosslink(
                    shard: ShardID($0.shard), slot: Slot($0.slot), blockRoot: Self.root($0.blockRoot),
                    stateRoots: $0.stateRoots.map { Self.root($0) }, receiptRoot: Self.root($0.receiptRoot))
            }
        }
        // Scheduled again in their original order, so ties at one instant pop as they would have. Checkpoints
        // written before slots were scheduled lazily hold every later slot's event: only the next one is kept.
        for event in snapshot.pendingEvents where event.kind == "arrival" || event.value == snapshot.slot + 1 {
            let kind: SimulationEvent =
                event.kind == "arrival" ? .arrival(ShardID(UInt16(event.value))) : .produceBlocks(Slot(event.value))
            engine.schedule(kind, at: SimTime(micros: event.time), priority: EventPriority(event.priority))
        }
    }

    // MARK: - Conversions between run types and their snapshot form

    static func state(_ stream: RandomStream) -> SimulationSnapshot.Stream {
        let s = stream.generatorState
        return .init(name: stream.name, state: [s.0, s.1, s.2, s.3])
    }

    static func stream(_ state: SimulationSnapshot.Stream) -> RandomStream {
        RandomStream(name: state.name, generatorState: (state.state[0], state.state[1], state.state[2], state.state[3]))
    }

    static func state(_ t: UserTransaction) -> SimulationSnapshot.Transaction {
        .init(
            id: t.id, sourceShard: t.sourceShard.index, ee: t.ee.index, from: t.from,
            destinationShard: t.destinationShard.index, destinationEE: t.destinationEE.index, to: t.to,
            amountGwei: t.amount.value, createdMicros: t.created.micros,
            bid: t.bid == .none ? nil : [t.bid.maxFeePerGas.wei, t.bid.priorityFeePerGas.wei, UInt64(t.bid.relayer)])
    }

    static func transaction(_ s: SimulationSnapshot.Transaction) -> UserTransaction {
        var transaction = UserTransaction(
            id: s.id, sourceShard: ShardID(s.sourceShard), ee: EEID(s.ee), from: s.from,
            destinationShard: ShardID(s.destinationShard), destinationEE: EEID(s.destinationEE), to: s.to,
            amount: Gwei(s.amountGwei), created: SimTime(micros: s.createdMicros))
        if let bid = s.bid, bid.count == 3 {
            transaction.bid = FeeBid(
                maxFeePerGas: WeiPerGas(wei: bid[0]), priorityFeePerGas: WeiPerGas(wei: bid[1]), relayer: UInt32(bid[2])
            )
        }
        return transaction
    }

    static func state(_ r: Receipt) -> SimulationSnapshot.ReceiptState {
        .init(
            sourceShard: r.id.sourceShard.index, sourceSlot: r.id.sourceSlot.number, index: r.id.index,
            sourceEE: r.sourceEE.index, destinationShard: r.destinationShard.index,
            destinationEE: r.destinationEE.index,
            amountGwei: r.amount.value, payload: Data(r.payload),
            prepaidFeeGwei: r.prepaidFee > .zero ? r.prepaidFee.value : nil)
    }

    static func receipt(_ s: SimulationSnapshot.ReceiptState) -> Receipt {
        Receipt(
            id: .init(sourceShard: ShardID(s.sourceShard), sourceSlot: Slot(s.sourceSlot), index: s.index),
            sourceEE: EEID(s.sourceEE), destinationShard: ShardID(s.destinationShard),
            destinationEE: EEID(s.destinationEE),
            amount: Gwei(s.amountGwei), payload: [UInt8](s.payload), prepaidFee: Gwei(s.prepaidFeeGwei ?? 0))
    }

    static func root(_ data: Data) -> Root {
        // Roots were 32 bytes when written; a corrupt checkpoint fails the format check long before this.
        Root(bytes: [UInt8](data)) ?? .zero
    }
}

/// The fields of a checkpoint readable before the run's settings exist: its format and seed.
private struct SnapshotHeader: Decodable {
    var format: Int
    var seed: UInt64
}
