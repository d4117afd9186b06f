import Beacon

/// A ``SimulatedEE`` that users transact with: it has users on every shard, turns their intents and the shard's
/// incoming receipts into a block with witnesses, and tells the proposer what each operation costs.
///
/// A workload block holds, in this order: one receive per incoming receipt given, one operation per user intent,
/// then the replayed receipt's receive if one is given. The EE reports one result per operation, by that index.
package protocol WorkloadEE: SimulatedEE {
    /// The genesis state on `shard`: `accountCount` users of run `seed`, each holding `balance`.
    func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> State

    /// Whether the EE can hold ``BackgroundAccounts`` (a scenario's `activeAccountsPerShard` below its
    /// `accountsPerShard`). `false` unless the EE says otherwise (see `WorkloadEE+Background.swift`).
    var supportsBackgroundAccounts: Bool { get }

    /// The genesis state on `shard` of `background.accountCount` accounts, of which `active` (distinct indices in
    /// increasing order, below the count) are users with keys and the rest background accounts; every account holds
    /// `background.balance`. Called only when ``supportsBackgroundAccounts``.
    func genesis(shard: ShardID, background: BackgroundAccounts, active: [UInt32]) -> State

    /// What a background account is, in words, for `state.sqlite` (empty without background accounts).
    var backgroundDescription: String { get }

    /// The background accounts of `state`, or `nil` when its account view holds every account.
    func background(of state: State) -> BackgroundAccounts?

    /// The state whose stored accounts are `accounts` over `background` (as `state.sqlite` stores it). Called only
    /// when ``supportsBackgroundAccounts``.
    func state(from accounts: [EEAccount], background: BackgroundAccounts) -> State

    /// What the proposer budgets for each part of a block on `state`, before building it.
    func estimates(on state: State) -> BlockEstimates

    /// The block for EE `ee` on `shard` that carries `receipts` (claimed for the users their payloads name), then
    /// `intents` (signed for their senders with the nonces the EE will expect, faults applied; an intent for another
    /// shard or EE is a send), then a claim of `replayed`, an already processed receipt, when given; with witnesses
    /// against `state`. `seed` derives the users' keys.
    func block(
        on state: State, ee: EEID, shard: ShardID, seed: UInt64, receipts: [Receipt], intents: [UserIntent],
        replayed: Receipt?
    ) -> Block

    /// Corrupts `block`'s witness so it no longer proves the pre-state root (the forged-witness fault); a block with
    /// nothing to forge is left as it is.
    func forgeWitness(_ block: inout Block)

    /// The bytes of `block` that are witness (proofs and the accounts they prove).
    func witnessByteCount(of block: Block) -> Int

    /// The hash of each user operation of `block`, in block order (receives excluded): what the fee market's
    /// look-back shows.
    func userOperationHashes(of block: Block) -> [Root]

    /// The meaning of a result code the EE reports; an unknown code is ``OperationResult/malformed``.
    func operationResult(code: UInt32) -> OperationResult
}

/// What the proposer budgets for each operation of a workload block; the runtime measures the real gas.
package struct BlockEstimates: Sendable, Equatable {
    /// Gas per signed user operation and per receive.
    package var gasPerUserOperation: UInt64
    package var gasPerReceive: UInt64
    /// Bytes of the block's fixed header.
    package var headerBytes: Int
    /// Bytes per receive, per on-shard operation and per cross-shard send, witness included.
    package var bytesPerReceive: Int
    package var bytesPerTransfer: Int
    package var bytesPerSend: Int
    /// The witness bytes one user operation brings on average (for the fee market's relayer charge).
    package var witnessBytesPerUserOperation: Int

    /// Creates estimates.
    package init(
        gasPerUserOperation: UInt64, gasPerReceive: UInt64, headerBytes: Int, bytesPerReceive: Int,
        bytesPerTransfer: Int, bytesPerSend: Int, witnessBytesPerUserOperation: Int
    ) {
        self.gasPerUserOperation = gasPerUserOperation
        self.gasPerReceive = gasPerReceive
        self.headerBytes = headerBytes
        self.bytesPerReceive = bytesPerReceive
        self.bytesPerTransfer = bytesPerTransfer
        self.bytesPerSend = bytesPerSend
        self.witnessBytesPerUserOperation = witnessBytesPerUserOperation
    }
}
