import Beacon
import Foundation
import Scenarios
import Shard

/// A scenario resolved for one run: the seed chosen, units turned into the simulator's types, EEs loaded.
///
/// Built once before the run starts, so every problem with the scenario (an EE that does not load, say) is
/// reported before any slot is simulated.
package struct SimulationSettings: Sendable {
    /// One EE of the registry, with its code loaded.
    package struct ExecutionEnvironment: Sendable {
        package var id: EEID
        package var name: String
        package var module: EEModule
        package var deposit: Gwei
        package var genesisBalancePerShard: Gwei
        package var accountsPerShard: Int
    }

    package var scenario: Scenario
    package var seed: UInt64
    package var clock: SlotClock
    /// Slots with arrivals; a drain may add slots after them (``measurement``).
    package var slotCount: UInt64
    /// The warm-up, whose arrivals are not measured, and the drain after the last arrival slot.
    package var measurement: MeasurementWindow
    package var shardCount: Int
    package var proposerOfflineRate: Double
    package var blockGasLimit: UInt64
    package var blockSizeLimit: Int
    package var ees: [ExecutionEnvironment]
    /// One EE the workload's users transact with: its id, simulated EE (``SimulatedEEs/workloads``) and share of
    /// the arrivals.
    package struct Workload: Sendable {
        package var id: EEID
        package var name: String
        package var ee: any WorkloadEE
        package var weight: Int
        package var accountsPerShard: Int
        /// How many of the accounts are users who transact (`activeAccountsPerShard`; all of them by default); the
        /// rest are background accounts.
        package var activeAccountsPerShard: Int
        /// Each account's genesis balance: the EE's genesis balance per shard shared equally (the remainder of the
        /// division is not created).
        package var balancePerAccount: Gwei

        /// Whether some accounts are background accounts.
        package var hasBackground: Bool { activeAccountsPerShard < accountsPerShard }
    }

    /// The EEs the workload's users transact with, in the order of `workload.ee`; at least one.
    package var workloads: [Workload]
    /// Each EE's position in ``workloads``, by EE id (`nil` for an EE users do not transact with).
    private var workloadPositions: [Int?]

    /// The position of `ee` in ``workloads``, or `nil` when users do not transact with it.
    package func workloadPosition(of ee: EEID) -> Int? {
        Int(ee.index) < workloadPositions.count ? workloadPositions[Int(ee.index)] : nil
    }
    package var runtimeLimits: EERuntime.Limits
    /// Worker threads executing shards in parallel; at least 1.
    package var threads: Int
    /// Simulated execution speed: simulated time spent executing a block is its gas divided by this.
    package var gasPerSecond: UInt64
    package var transactionsPerSlot: Double
    package var crossShardFraction: Double
    /// The share of transfers to a user of another workload EE (0 with one workload EE).
    package var crossEEFraction: Double
    package var zipfExponent: Double
    /// Which account number each popularity rank picks (`workload.accountPlacement`).
    package var accountPlacement: AccountPlacement
    package var amountRange: ClosedRange<UInt64>
    package var crossShardModel: CrossShardModel { crossShardRules.model }
    /// The cross-shard model with its parameters.
    package var crossShardRules: CrossShardRules
    /// Deliberately faulty transactions (none by default).
    package var faults = FaultRates()
    /// The fee market, or `nil` when `fees.ee` is empty.
    package var fees: FeeSettings?
    /// The period of changed demand (`workload.spike`).
    package var spike = DemandSpike.none
    /// The network between validators, or `nil` (instant delivery) when the scenario has no `network:` section.
    var network: NetworkModel?

    /// Resolves `scenario` for a run with `seed`; `threads` overrides the scenario's thread count when given.
    ///
    /// - Throws: ``SimulationError`` when an EE cannot be loaded or the workload names no token EE.
    package init(scenario: Scenario, seed: UInt64, threads: Int? = nil) throws(SimulationError) {
        self.scenario = scenario
        self.seed = seed
        clock = SlotClock(
            slotDuration: SimDuration(micros: scenario.beacon.slotDuration.micros),
            slotsPerEpoch: UInt64(scenario.beacon.slotsPerEpoch))
        slotCount = scenario.slotCount
        measurement = MeasurementWindow(scenario)
        shardCount = scenario.shards.count
        proposerOfflineRate = scenario.beacon.proposerOfflineRate.doubleValue
        blockGasLimit = scenario.shards.blockGasLimit.gas
        blockSizeLimit = Int(clamping: scenario.shards.blockSizeLimit.bytes)
        var ees: [ExecutionEnvironment] = []
        for (index, ee) in scenario.ees.enumerated() {
            let module: EEModule
            do {
                switch ee.code {
                case .builtin(let name): module = try BuiltinEEs.load(name)
                case .file(let path): module = try EEModule(contentsOf: URL(fileURLWithPath: path))
                }
            } catch {
                throw .eeDidNotLoad(name: ee.name, reason: error.description)
            }
            if module.initialMemoryBytes > scenario.execution.memoryLimit.bytes {
                throw .memoryLimitTooSmall(
                    name: ee.name, needed: module.initialMemoryBytes, limit: scenario.execution.memoryLimit.bytes)
            }
            ees.append(
                ExecutionEnvironment(
                    id: EEID(UInt32(index)), name: ee.name, module: module, deposit: Gwei(ee.deposit.gwei),
                    genesisBalancePerShard: Gwei(ee.genesisBalancePerShard.gwei),
                    accountsPerShard: ee.accountsPerShard))
        }
        self.ees = ees
        var workloads: [Workload] = []
        var workloadPosition = [Int?](repeating: nil, count: ees.count)
        for entry in scenario.workload.mix?.entries ?? [] {
            guard let workload = ees.first(where: { $0.name == entry.ee }) else { throw .noWorkloadEE(name: entry.ee) }
            guard case .builtin(let builtin) = scenario.ees[Int(workload.id.index)].code,
                let plugin = SimulatedEEs.workload(named: builtin, module: workload.module)
            else {
                throw .notAWorkloadEE(name: workload.name, known: Array(SimulatedEEs.workloads.keys))
            }
            let active = scenario.ees[Int(workload.id.index)].activeAccountsPerShard ?? workload.accountsPerShard
            if active < workload.accountsPerShard && !plugin.supportsBackgroundAccounts {
                throw SimulationError(
                    .scenario, at: .init(ee: workload.name),
                    "EE '\(workload.name)' has no background accounts: activeAccountsPerShard (\(active)) must equal "
                        + "accountsPerShard (\(workload.accountsPerShard)), or be left out; builtin:token has them")
            }
            workloadPosition[Int(workload.id.index)] = workloads.count
            workloads.append(
                Workload(
                    id: workload.id, name: workload.name, ee: plugin, weight: entry.weight,
                    accountsPerShard: workload.accountsPerShard, activeAccountsPerShard: active,
                    balancePerAccount: Gwei(
                        workload.genesisBalancePerShard.value / UInt64(max(1, workload.accountsPerShard)))))
        }
        guard !workloads.isEmpty else { throw .noWorkloadEE(name: scenario.workload.ee) }
        self.workloads = workloads
        self.workloadPositions = workloadPosition
        runtimeLimits = EERuntime.Limits(
            gasLimit: min(scenario.execution.gasLimitPerExecution.gas, scenario.shards.blockGasLimit.gas),
            memoryLimitBytes: Int(clamping: scenario.execution.memoryLimit.bytes))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        self.threads = max(1, threads ?? (scenario.execution.threads == 0 ? cores : scenario.execution.threads))
        gasPerSecond = max(1, scenario.execution.gasPerSecond.gas)
        transactionsPerSlot = scenario.workload.transactionsPerSlot.doubleValue
        crossShardFraction = shardCount > 1 ? scenario.workload.crossShardFraction.doubleValue : 0
        crossEEFraction = workloads.count > 1 ? scenario.workload.crossEEFraction.doubleValue : 0
        zipfExponent = scenario.workload.zipfExponent.doubleValue
        // The schema admits only the two names.
        accountPlacement = AccountPlacement(rawValue: scenario.workload.accountPlacement) ?? .hashed
        amountRange =
            scenario.workload.amount.min
            .gwei...max(scenario.workload.amount.min.gwei, scenario.workload.amount.max.gwei)
        crossShardRules = CrossShardRules(scenario.crossShard, slotsPerEpoch: scenario.beacon.slotsPerEpoch)
        let faults = scenario.workload.faults
        self.faults = FaultRates(
            badSignature: faults.badSignature.doubleValue, replayedNonce: faults.replayedNonce.doubleValue,
            overdraft: faults.overdraft.doubleValue, replayedReceipt: faults.replayedReceipt.doubleValue,
            forgedWitness: faults.forgedWitness.doubleValue)
        fees = try FeeSettings.resolve(scenario, ees: ees)
        if fees != nil {
            // With a fee market, executions get their own bound: the block gas limit is enforced on measured gas by
            // trimming (BlockProducer+GasLimit), so a block above it is cut down rather than failed.
            runtimeLimits.gasLimit = scenario.execution.gasLimitPerExecution.gas
        }
        spike = DemandSpike(scenario.workload.spike)
        if scenario.network.isEnabled {
            network = NetworkModel(
                scenario.network, shards: shardCount, ees: ees.count, seed: seed,
                latencies: try RegionLatencies.shipped())
        }
    }
}
