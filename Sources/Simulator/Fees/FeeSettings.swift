import Beacon
import Scenarios
import Shard

/// The fee market of a run, resolved from the scenario's `fees` section and its fee-market EE.
package struct FeeSettings: Sendable {
    /// How users choose their fees.
    package enum Strategy: String, Sendable {
        /// Every user offers the scenario's priority fee and fee cap.
        case fixed
        /// Priority uniform in 0…2×, cap uniform in ½…1½× the scenario's values.
        case uniform
    }

    /// The fee-market EE.
    package var ee: EEID
    /// The EIP-1559 update rule.
    package var rule: BaseFeeRule
    /// Every shard's base fee per gas at genesis.
    package var initialBaseFee: WeiPerGas
    /// The block gas limit (target × elasticity).
    package var gasLimit: UInt64
    /// Relayers per shard (the fee-market EE's `accountsPerShard`).
    package var relayersPerShard: Int
    /// Each relayer's deposit at genesis: the EE's genesis balance per shard shared equally.
    package var depositPerRelayer: Gwei
    /// How long a transaction may wait before it expires.
    package var timeout: SimDuration
    /// What a relayer charges per witness byte (off-chain).
    package var witnessFeePerByte: Gwei
    /// The users' fee strategy.
    package var strategy: Strategy
    /// The priority fee per gas the strategy centres on.
    package var priorityFeePerGas: WeiPerGas
    /// The fee cap per gas the strategy centres on.
    package var maxFeePerGas: WeiPerGas

    /// The gas a user transaction is charged for, whatever EE it is for (an EE executes a block in one call, so its
    /// measured gas is not split per transaction); the token EE's proposer budgets the same per signed transaction.
    package static let gasPerTransaction: UInt64 = 5_000
    /// The gas a processed receipt counts toward the block.
    package static let gasPerReceipt: UInt64 = 1_500

    /// The fee market of `scenario`, or `nil` when `fees.ee` is empty (fee market off).
    static func resolve(_ scenario: Scenario, ees: [SimulationSettings.ExecutionEnvironment]) throws(SimulationError)
        -> FeeSettings?
    {
        let fees = scenario.fees
        guard !fees.ee.isEmpty else { return nil }
        let workloadEEs = scenario.workload.mix?.entries.map(\.ee) ?? []
        guard let ee = ees.first(where: { $0.name == fees.ee }), !workloadEEs.contains(ee.name) else {
            throw SimulationError(
                .scenario, at: SimulationError.Location(ee: fees.ee),
                "fees.ee names '\(fees.ee)', which is not an EE of the scenario that workload.ee does not name")
        }
        let relayers = max(1, ee.accountsPerShard)
        let target = scenario.targetGasPerBlock.gas
        guard target > 0 else {
            throw SimulationError(.scenario, "fees: the gas target (shards.blockGasLimit ÷ fees.elasticity) is 0")
        }
        return FeeSettings(
            ee: ee.id,
            rule: BaseFeeRule(targetGas: target, changeDenominator: UInt64(fees.baseFeeChangeDenominator)),
            initialBaseFee: try perGas(fees.initialBaseFee, "fees.initialBaseFee"),
            gasLimit: scenario.shards.blockGasLimit.gas,
            relayersPerShard: relayers, depositPerRelayer: Gwei(ee.genesisBalancePerShard.value / UInt64(relayers)),
            timeout: SimDuration(micros: fees.transactionTimeout.micros),
            witnessFeePerByte: Gwei(fees.witnessFeePerByte.gwei),
            strategy: Strategy(rawValue: scenario.workload.feeStrategy) ?? .fixed,
            priorityFeePerGas: try perGas(scenario.workload.priorityFeePerGas, "workload.priorityFeePerGas"),
            maxFeePerGas: try perGas(scenario.workload.maxFeePerGas, "workload.maxFeePerGas"))
    }

    /// `amount` per gas in wei; validation (``RunLimits/maximumFeePerGas``) keeps it below 2⁶⁴ wei, and this
    /// refuses anything that slipped past it rather than wrapping.
    private static func perGas(_ amount: EtherAmount, _ field: String) throws(SimulationError) -> WeiPerGas {
        guard let price = WeiPerGas(gwei: amount.gwei) else {
            throw SimulationError(
                description: "\(field): \(amount) per gas does not fit 2⁶⁴ − 1 wei (at most 18 ETH)")
        }
        return price
    }
}
