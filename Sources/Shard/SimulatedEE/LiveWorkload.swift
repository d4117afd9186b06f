import Beacon
import Foundation

/// A workload EE together with its id and its state on one shard, the EE's own types hidden: what a shard holds for
/// each EE its users transact with. A value: copying it snapshots the state.
///
/// Stored (`Codable`) as the EE's id and the state in the EE's own coding; reading it back needs the run's workload
/// EEs, by id, in the decoder's ``userInfoKey``.
package struct LiveWorkload: Sendable {
    /// The EE's id in the registry.
    package let id: EEID
    private var instance: any WorkloadInstance

    /// EE `id` (`ee`) in `state`.
    package init<EE: WorkloadEE>(_ ee: EE, id: EEID, state: EE.State) {
        self.id = id
        instance = Instance(ee: ee, state: state)
    }

    /// Where a decoder finds the workload EEs (`[EEID: any WorkloadEE]`) to read states with.
    package static let userInfoKey = CodingUserInfoKey(rawValue: "shardsim.workloadEEs")!

    /// The EE's state root.
    package var root: Root { instance.root }
    /// Every account, in index order.
    package var accounts: [EEAccount] { instance.accounts }
    /// The sum of the accounts' balances, background accounts included.
    package var totalBalance: Gwei { instance.totalBalance }
    /// The background accounts, or `nil` when ``accounts`` holds every account.
    package var background: BackgroundAccounts? { instance.background }
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

    /// EE `id` (`ee`) with the state rebuilt from its account view (``SimulatedEE/state(from:)``).
    package init<EE: WorkloadEE>(_ ee: EE, id: EEID, accounts: [EEAccount]) {
        self.init(ee, id: id, state: ee.state(from: accounts))
    }

    /// EE `id` (`ee`) in its genesis state on `shard`.
    package static func genesis(
        _ ee: any WorkloadEE, id: EEID, seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei
    ) -> LiveWorkload {
        func make<EE: WorkloadEE>(_ ee: EE) -> LiveWorkload {
            LiveWorkload(
                ee, id: id, state: ee.genesis(seed: seed, shard: shard, accountCount: accountCount, balance: balance))
        }
        return make(ee)
    }

    /// EE `id` (`ee`) in its genesis state on `shard` with background accounts: `background.accountCount`
    /// accounts of which `active` (increasing indices) are users. `ee` must support background accounts.
    package static func genesis(
        _ ee: any WorkloadEE, id: EEID, shard: ShardID, background: BackgroundAccounts, active: [UInt32]
    ) -> LiveWorkload {
        func make<EE: WorkloadEE>(_ ee: EE) -> LiveWorkload {
            precondition(ee.supportsBackgroundAccounts, "\(EE.self) has no background accounts")
            return LiveWorkload(ee, id: id, state: ee.genesis(shard: shard, background: background, active: active))
        }
        return make(ee)
    }

    /// EE `id` (`ee`, known only as a workload EE) with the state rebuilt from its account view, over `background`
    /// when the state had background accounts.
    package static func rebuilt(
        _ ee: any WorkloadEE, id: EEID, accounts: [EEAccount], background: BackgroundAccounts? = nil
    ) -> LiveWorkload {
        func make<EE: WorkloadEE>(_ ee: EE) -> LiveWorkload {
            guard let background else { return LiveWorkload(ee, id: id, accounts: accounts) }
            return LiveWorkload(ee, id: id, state: ee.state(from: accounts, background: background))
        }
        return make(ee)
    }

    private static func decode<EE: WorkloadEE>(_ ee: EE, from decoder: any Decoder) throws -> any WorkloadInstance {
        Instance(ee: ee, state: try EE.State(from: decoder))
    }
}

extension LiveWorkload: Codable {
    private enum CodingKeys: String, CodingKey { case ee, state }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .ee)
        try instance.encodeState(to: container.superEncoder(forKey: .state))
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(EEID.self, forKey: .ee)
        let ees = decoder.userInfo[Self.userInfoKey] as? [EEID: any WorkloadEE] ?? [:]
        guard let ee = ees[id] else {
            throw DecodingError.dataCorruptedError(
                forKey: .ee, in: container, debugDescription: "\(id) is not a workload EE of this run")
        }
        instance = try Self.decode(ee, from: container.superDecoder(forKey: .state))
    }
}

extension LiveWorkload: Equatable {
    /// Equal when the states are equal (the same EE is assumed: a shard's EEs never change).
    package static func == (lhs: LiveWorkload, rhs: LiveWorkload) -> Bool {
        lhs.id == rhs.id && lhs.instance.isEqual(to: rhs.instance)
    }
}

/// The operations ``LiveWorkload`` forwards, implemented once for every EE by ``Instance``.
private protocol WorkloadInstance: Sendable {
    var root: Root { get }
    var accounts: [EEAccount] { get }
    var totalBalance: Gwei { get }
    var background: BackgroundAccounts? { get }
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
    var background: BackgroundAccounts? { ee.background(of: state) }
    var estimates: BlockEstimates { ee.estimates(on: state) }

    mutating func produce(
        _ request: WorkloadBlockRequest, runtime: EERuntime
    ) throws(EEDisagreement) -> WorkloadBlockOutcome {
        var block = ee.block(
            on: state, ee: request.ee, shard: request.shard, seed: request.seed, receipts: request.receipts,
            intents: request.intents,
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
