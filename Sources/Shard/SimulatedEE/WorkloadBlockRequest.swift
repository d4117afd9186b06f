import Beacon

/// What goes into one workload EE's block on one shard: the inputs of ``LiveWorkload/produce(_:runtime:)``.
package struct WorkloadBlockRequest: Sendable {
    package var shard: ShardID
    package var slot: Slot
    /// The run's seed (users' keys derive from it).
    package var seed: UInt64
    /// The EE's id and its ETH balance on the shard before the block.
    package var ee: EEID
    package var balance: Gwei
    /// Receipts for the EE to claim, in order.
    package var receipts: [Receipt]
    /// The users' operations, in order.
    package var intents: [UserIntent]
    /// A receipt the shard already processed, claimed again (the replayed-receipt fault), or `nil`.
    package var replayed: Receipt?
    /// Whether to forge the block's witness (the forged-witness fault).
    package var forgeWitness: Bool

    /// Creates a request.
    package init(
        shard: ShardID, slot: Slot, seed: UInt64, ee: EEID, balance: Gwei, receipts: [Receipt],
        intents: [UserIntent], replayed: Receipt? = nil, forgeWitness: Bool = false
    ) {
        self.shard = shard
        self.slot = slot
        self.seed = seed
        self.ee = ee
        self.balance = balance
        self.receipts = receipts
        self.intents = intents
        self.replayed = replayed
        self.forgeWitness = forgeWitness
    }

    /// The receipts as the execution sees them: the replayed one last, marked as processed.
    var incomingReceipts: [IncomingReceipt] {
        receipts.map {
            IncomingReceipt(
                sourceShard: $0.id.sourceShard, sourceEE: $0.sourceEE, amount: $0.amount, payload: $0.payload)
        }
            + (replayed.map {
                [
                    IncomingReceipt(
                        sourceShard: $0.id.sourceShard, sourceEE: $0.sourceEE, amount: $0.amount, payload: $0.payload,
                        alreadyProcessed: true)
                ]
            } ?? [])
    }
}

/// What one workload EE's block did, with the EE's own types gone: what the simulator records.
package struct WorkloadBlockOutcome: Sendable {
    /// The encoded block and how many of its bytes are witness.
    package var data: [UInt8]
    package var witnessBytes: Int
    /// The wasm execution (gas, failure, effects: transfers sent, receipts claimed, balance after).
    package var result: ExecutionResult
    /// Wall-clock time of the wasm execution, in microseconds.
    package var wallMicros: UInt64
    /// The result of each operation in block order (receives, user operations, the replayed receive); empty when
    /// the execution failed.
    package var results: [OperationResult] = []
    /// The accounts the block changed, as they are after it; empty when the execution failed.
    package var changedAccounts: [EEAccount] = []
    /// The hash of each user operation, in order.
    package var userOperationHashes: [Root]
}
