import Beacon
import Foundation

/// A workload EE together with its state on one shard, the EE's own types hidden: what a shard holds for each EE
/// its users transact with. A value: copying it snapshots the state.
package struct LiveWorkload: Sendable {
    private var instance: any WorkloadInstance

    /// `ee`'s `state`.
    package init<EE: WorkloadEE>(_ ee: EE, state: EE.State) {
        instance = Instance(ee: ee, state: state)
    }

    /// The EE's state root.
    package var root: Root { instance.root }
    /// Every account, in index order.
    package var accounts: [EEAccount] { instance.accounts }
    /// The sum of the accounts' balances.
    package var totalBalance: Gwei { instance.totalBalance }
    /// What the proposer budgets per operation on this state.
    package var estimates: BlockEstimates { instance.estimates }

    /// Builds, executes in wasm, checks natively and (when it succeeds) applies one block.
    ///
    /// - Throws: ``EEDisagreement`` when the wasm and the native reference disagree.
    package mutating func produce(
        _ request: WorkloadBlockRequest, runtime: EERuntime
    ) throws(EEDisagreement) -> WorkloadBlockOutcome {
        try instance.produce(request, runtime: runtime)
    }

    /// `ee`'s state rebuilt from its account view (``SimulatedEE/state(from:)``).
    package init<EE: WorkloadEE>(_ ee: EE, accounts: [EEAccount]) {
        self.init(ee, state: ee.state(from: accounts))
    }

    /// `ee`'s state rebuilt from its account view, for an EE known only as a workload EE.
    package static func rebuilt(_ ee: any WorkloadEE, accounts: [EEAccount]) -> LiveWorkload {
        LiveWorkload(ee, accounts: accounts)
    }

    /// Writes the state (not the EE) to `encoder`.
    package func encodeState(to encoder: any Encoder) throws { try instance.encodeState(to: encoder) }

    /// Reads a state written by ``encodeState(to:)`` for `ee`.
    package init(_ ee: any WorkloadEE, decoding decoder: any Decoder) throws {
        self.instance = try Self.decode(ee, from: decoder)
    }

    private static func decode<EE: WorkloadEE>(_ ee: EE, from decoder: any Decoder) throws -> any WorkloadInstance {
        Instance(ee: ee, state: try EE.State(from: decoder))
    }
}

extension LiveWorkload: Equatable {
    /// Equal when the states are equal (the same EE is assumed: a shard's EEs never change).
    package static func == (lhs: LiveWorkload, rhs: LiveWorkload) -> Bool { lhs.instance.isEqual(to: rhs.instance) }
}

/// The operations ``LiveWorkload`` forwards, implemented once for every EE by ``Instance``.
private protocol WorkloadInstance: Sendable {
    var root: Root { get }
    var accounts: [EEAccount] { get }
    var totalBalance: Gwei { get }
    var estimates: BlockEstimates { get }
    mutating func produce(_ request: WorkloadBlockRequest, runtime: EERuntime) throws(EEDisagreement)
        -> WorkloadBlockOutcome
    func encodeState(to encoder: any Encoder) throws
    func isEqual(to other: any WorkloadInstance) -> Bool
}

private struct Instance<EE: WorkloadEE>: WorkloadInstance {
    let ee: EE
    var state: EE.State

    var root: Root { ee.root(of: state) }
    var accounts: [EEAccount] { ee.accounts(of: state) }
    var totalBalance: Gwei { ee.totalBalance(of: state) }
    var estimates: BlockEstimates { ee.estimates(on: state) }

    mutating func produce(
        _ request: WorkloadBlockRequest, runtime: EERuntime
    ) throws(EEDisagreement) -> WorkloadBlockOutcome {
        var block = ee.block(
            on: state, ee: request.ee, shard: request.shard, seed: request.seed, receipts: request.receipts, intents: request.intents,
            replayed: request.replayed)
        if request.forgeWitness { ee.forgeWitness(&block) }
        let context = ShardContext(
            shard: request.shard, slot: request.slot, ee: request.ee, balance: request.balance,
            incomingReceipts: request.incomingReceipts)
        let executed = try ee.execute(block, on: state, context: context, runtime: runtime)
        var outcome = WorkloadBlockOutcome(
            data: executed.data, witnessBytes: ee.witnessByteCount(of: block), result: executed.result,
            wallMicros: executed.wallMicros, userOperationHashes: ee.userOperationHashes(of: block))
        guard executed.succeeded else { return outcome }
        try ee.commit(executed, to: &state)
        outcome.changedAccounts = ee.changedAccounts(in: executed.reference)
        // An operation the EE did not report is malformed.
        let count = request.receipts.count + request.intents.count + (request.replayed == nil ? 0 : 1)
        var results = [OperationResult](repeating: .malformed, count: count)
        for reported in executed.result.effects.results where Int(reported.transactionIndex) < count {
            results[Int(reported.transactionIndex)] = ee.operationResult(code: reported.code)
        }
        outcome.results = results
        return outcome
    }

    func encodeState(to encoder: any Encoder) throws { try state.encode(to: encoder) }

    func isEqual(to other: any WorkloadInstance) -> Bool {
        guard let other = other as? Instance<EE> else { return false }
        return state == other.state
    }
}
