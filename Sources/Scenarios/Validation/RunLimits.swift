/// The bounds that keep every amount and time a run computes inside 64 bits.
///
/// Each field is checked on its own by the schema, but a run multiplies and adds them: genesis balances summed over
/// shards, a slot number times the slot duration, a fee per gas times the gas of a transaction. A scenario inside
/// these bounds runs without overflow; one outside them is rejected before the run starts, naming the limit.
/// The bounds are far beyond any physical setting (a thousand times today's ETH supply, thousands of years of
/// simulated time), so no real study is refused.
package enum RunLimits {
    /// All the ETH of a run at genesis: every EE's `genesisBalancePerShard` times `shards.count`, summed.
    /// 10⁹ ETH (10¹⁸ gwei), so that balances, fees and receipts in flight, which all come out of it, stay far below
    /// 2⁶⁴ gwei.
    package static let maximumTotalETH = EtherAmount(gwei: 1_000_000_000 * EtherAmount.gweiPerETH)

    /// The latest simulated time a run may reach: the end of its last slot (`slots` × `beacon.slotDuration`), a
    /// transaction's timeout, a finality delay in time. 1,000,000,000 h (about 114,000 years, 3.6 × 10¹⁸ µs), so that
    /// the sum of two such times, and every latency, fits in 2⁶⁴ µs.
    package static let maximumSimulatedTime = TimeSpan(micros: 1_000_000_000 * 3_600_000_000)

    /// The largest fee per gas (base fee, priority fee, fee cap): 18 ETH. Fees per gas are kept in wei, in the
    /// 64-bit fields of the fee-market EE's look-back records, and 18 ETH (1.8 × 10¹⁹ wei) is the largest whole ETH
    /// below 2⁶⁴ wei. A transaction whose gas times fee does not fit 2⁶⁴ gwei waits unincluded rather than overflow.
    package static let maximumFeePerGas = EtherAmount(gwei: 18 * EtherAmount.gweiPerETH)

    /// The most witness fees a run can charge: `fees.witnessFeePerByte` × `shards.blockSizeLimit` × `shards.count`
    /// × slots. The relayers' revenue sums them, so it must fit: 10⁹ ETH, as ``maximumTotalETH``.
    package static let maximumWitnessFees = maximumTotalETH

    /// The most accounts an EE may hold per shard: 2²⁸. Above 10,000,000 (``maximumActiveAccountsPerShard``) the
    /// rest must be background accounts (`activeAccountsPerShard`), which cost no memory.
    package static let maximumAccountsPerShard = 1 << 28

    /// The most accounts per shard that are users (every account when `activeAccountsPerShard` is not set): each
    /// has a key and is stored, so genesis takes about 25 µs and memory about 100 bytes per user.
    package static let maximumActiveAccountsPerShard = 10_000_000

    /// Every bound `scenario` breaks, in a fixed order.
    static func problems(in scenario: Scenario) -> [CrossFieldProblem] {
        var problems: [CrossFieldProblem] = []
        let shards = UInt64(max(scenario.shards.count, 0))

        // Total ETH at genesis, computed wide so the check itself cannot overflow.
        var totalGwei: UInt128 = 0
        var largest: (index: Int, gwei: UInt64)?
        for (index, ee) in scenario.ees.enumerated() {
            totalGwei += UInt128(ee.genesisBalancePerShard.gwei) * UInt128(shards)
            if ee.genesisBalancePerShard.gwei > largest?.gwei ?? 0 { largest = (index, ee.genesisBalancePerShard.gwei) }
        }
        if totalGwei > UInt128(maximumTotalETH.gwei), let largest {
            problems.append(
                CrossFieldProblem(
                    field: "ees[\(largest.index)].genesisBalancePerShard", involves: ["shards.count"],
                    expected: "a balance whose total over all EEs and shards (× shards.count) is at most "
                        + maximumTotalETH.canonicalText,
                    found: "'\(EtherAmount(gwei: largest.gwei).canonicalText)', "
                        + "\(totalETHText(totalGwei)) in total on \(shards) shards"))
        }

        for (index, ee) in scenario.ees.enumerated() {
            if let active = ee.activeAccountsPerShard, active > ee.accountsPerShard {
                problems.append(
                    CrossFieldProblem(
                        field: "ees[\(index)].activeAccountsPerShard", involves: ["ees[\(index)].accountsPerShard"],
                        expected: "at most ees[\(index)].accountsPerShard (\(ee.accountsPerShard)) active accounts",
                        found: "'\(active)'"))
            } else if ee.activeAccountsPerShard == nil && ee.accountsPerShard > maximumActiveAccountsPerShard {
                problems.append(
                    CrossFieldProblem(
                        field: "ees[\(index)].accountsPerShard", involves: ["ees[\(index)].activeAccountsPerShard"],
                        expected: "at most \(maximumActiveAccountsPerShard) accounts when every account is active "
                            + "(set activeAccountsPerShard to make the rest background accounts, up to "
                            + "\(maximumAccountsPerShard))",
                        found: "'\(ee.accountsPerShard)'"))
            }
        }

        let slot = UInt128(scenario.beacon.slotDuration.micros)
        let limit = UInt128(maximumSimulatedTime.micros)
        let runMicros = UInt128(scenario.slotCount) * slot
        if runMicros > limit {
            let field: String
            if case .duration = scenario.runLength { field = "duration" } else { field = "slots" }
            problems.append(
                CrossFieldProblem(
                    field: field, involves: ["beacon.slotDuration"],
                    expected: "a run that ends within \(maximumSimulatedTime.canonicalText) of simulated time "
                        + "(slots × beacon.slotDuration)",
                    found: "\(scenario.slotCount) slots of \(scenario.beacon.slotDuration.canonicalText)"))
        }
        // The drain runs on after the last arrival slot, so the run's end moves with it.
        if let drain = scenario.drainSlots, drain > 0, runMicros <= limit,
            (UInt128(scenario.slotCount) + UInt128(drain)) * slot > limit
        {
            problems.append(
                CrossFieldProblem(
                    field: "measurement.drain", involves: ["slots", "beacon.slotDuration"],
                    expected: "a drain after which the run still ends within \(maximumSimulatedTime.canonicalText) of "
                        + "simulated time ((slots + drain) × beacon.slotDuration)",
                    found: "'\(scenario.measurement.drain.canonicalText)' after \(scenario.slotCount) slots of "
                        + scenario.beacon.slotDuration.canonicalText))
        }
        // Only the models that wait for finality use the delay.
        let usesDelay = [.finalityWait, .optimistic].contains(scenario.crossShard.model)
        if usesDelay, let delay = scenario.crossShard.finalityDelay.slots(slotsPerEpoch: scenario.beacon.slotsPerEpoch),
            UInt128(delay) * slot > limit
        {
            problems.append(
                CrossFieldProblem(
                    field: "crossShard.finalityDelay", involves: ["beacon.slotDuration", "beacon.slotsPerEpoch"],
                    expected: "a delay of at most \(maximumSimulatedTime.canonicalText) of simulated time "
                        + "(delay in slots × beacon.slotDuration)",
                    found: "'\(scenario.crossShard.finalityDelay.canonicalText)' of "
                        + scenario.beacon.slotDuration.canonicalText))
        }
        if scenario.fees.transactionTimeout > maximumSimulatedTime {
            problems.append(
                CrossFieldProblem(
                    field: "fees.transactionTimeout",
                    expected: "a duration of at most \(maximumSimulatedTime.canonicalText)",
                    found: "'\(scenario.fees.transactionTimeout.canonicalText)'"))
        }

        // Fees are paid only when the fee market is on; without it these fields are never used.
        guard !scenario.fees.ee.isEmpty else { return problems }
        let perGas: [(field: String, amount: EtherAmount)] = [
            ("fees.initialBaseFee", scenario.fees.initialBaseFee),
            ("workload.priorityFeePerGas", scenario.workload.priorityFeePerGas),
            ("workload.maxFeePerGas", scenario.workload.maxFeePerGas),
        ]
        for (field, amount) in perGas where amount > maximumFeePerGas {
            problems.append(
                CrossFieldProblem(
                    field: field, involves: ["fees.ee"],
                    expected: "an amount per gas of at most \(maximumFeePerGas.canonicalText)",
                    found: "'\(amount.canonicalText)'"))
        }
        // A drain adds slots with blocks (and witnesses) after the last arrival slot.
        let (allSlots, longer) = scenario.slotCount.addingReportingOverflow(scenario.drainSlots ?? 0)
        let witnessFees = [scenario.shards.blockSizeLimit.bytes, shards, longer ? .max : allSlots].reduce(
            UInt128(scenario.fees.witnessFeePerByte.gwei), saturatingProduct)
        if witnessFees > UInt128(maximumWitnessFees.gwei) {
            problems.append(
                CrossFieldProblem(
                    field: "fees.witnessFeePerByte", involves: ["shards.blockSizeLimit", "shards.count", "slots"],
                    expected: "an amount whose most a run can charge (× shards.blockSizeLimit × shards.count × "
                        + "slots) is at most \(maximumWitnessFees.canonicalText)",
                    found: "'\(scenario.fees.witnessFeePerByte.canonicalText)', up to "
                        + "\(totalETHText(witnessFees)) over \(longer ? .max : allSlots) slots"))
        }
        return problems
    }

    /// `lhs` × `rhs`, or `UInt128.max` when that overflows (the check only compares it with a bound).
    private static func saturatingProduct(_ lhs: UInt128, _ rhs: UInt64) -> UInt128 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: UInt128(rhs))
        return overflow ? .max : product
    }

    /// An amount of gwei that may exceed 2⁶⁴, in whole ETH.
    private static func totalETHText(_ gwei: UInt128) -> String {
        "\(gwei / UInt128(EtherAmount.gweiPerETH)) ETH"
    }
}
