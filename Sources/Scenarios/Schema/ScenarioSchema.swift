/// The scenario file's schema: every key, its type and unit, its allowed range, in canonical order.
///
/// Defaults live on the types (``Scenario``, ``Scenario/Beacon``, …); this table says how each field is read and
/// written. Adding a field means adding a property with its default there and one line here (and a row in
/// `Documentation/Scenarios.md`, which a test checks).
enum ScenarioSchema {
    /// Top-level keys, in canonical order.
    static let topLevelKeys = [
        "name", "description", "seeds", "duration", "slots", "beacon", "shards", "ees", "execution", "workload",
        "crossShard", "fees", "measurement", "network", "sweep",
    ]

    /// The two ways to give the run length; a file gives at most one.
    static let runLength: [FieldSpec<Scenario>] = [
        .mapped(
            "duration", \.runLength, .positive("duration", zero: TimeSpan(micros: 0), example: "12s"),
            store: RunLength.duration,
            render: { if case .duration(let span) = $0 { span } else { nil } }),
        .mapped(
            "slots", \.runLength, .positive("number of slots", zero: UInt64(0), example: "300"),
            store: RunLength.slots,
            render: { if case .slots(let count) = $0 { count } else { nil } }),
    ]

    /// The mappings of scalar fields, in canonical order.
    static let sections: [SectionSpec<Scenario>] = [beacon, shards, execution, workload, crossShard, fees, measurement]

    static let beacon = SectionSpec<Scenario>(
        "beacon",
        fields: [
            .value(
                "slotDuration", \.beacon.slotDuration,
                .positive("duration", zero: TimeSpan(micros: 0), example: "12s")),
            .value("slotsPerEpoch", \.beacon.slotsPerEpoch, .range(1...1024)),
            .value("proposerOfflineRate", \.beacon.proposerOfflineRate),
        ])

    static let shards = SectionSpec<Scenario>(
        "shards",
        fields: [
            .value("count", \.shards.count, .range(1...1024)),
            .value("blockGasLimit", \.shards.blockGasLimit, .atLeast(GasAmount(1000), "an amount of gas")),
            .value("blockSizeLimit", \.shards.blockSizeLimit, .atLeast(ByteCount(bytes: 1024), "a size")),
        ])

    static let execution = SectionSpec<Scenario>(
        "execution",
        fields: [
            .value(
                "gasLimitPerExecution", \.execution.gasLimitPerExecution, .atLeast(GasAmount(1), "an amount of gas")),
            .value(
                "memoryLimit", \.execution.memoryLimit,
                .between(ByteCount(bytes: 64 << 10), ByteCount(bytes: 4 << 30), "a size")),
            .value("threads", \.execution.threads, .range(0...1024)),
            .value("gasPerSecond", \.execution.gasPerSecond, .atLeast(GasAmount(1), "an amount of gas")),
        ])

    static let workload = SectionSpec<Scenario>(
        "workload",
        fields: [
            .value("ee", \.workload.ee, Constraint(expected: WorkloadMix.expectation) { WorkloadMix.parse($0) != nil }),
            .value(
                "transactionsPerSlot", \.workload.transactionsPerSlot,
                .between(FixedDecimal(0), FixedDecimal(1_000_000), "a mean number of transactions")),
            .value("crossShardFraction", \.workload.crossShardFraction),
            .value("crossEEFraction", \.workload.crossEEFraction),
            .value("zipfExponent", \.workload.zipfExponent, .between(FixedDecimal(0), FixedDecimal(10), "an exponent")),
            .value(
                "accountPlacement", \.workload.accountPlacement,
                Constraint(expected: "hashed or dense") { ["hashed", "dense"].contains($0) }),
            .value("priorityFeePerGas", \.workload.priorityFeePerGas),
            .value("maxFeePerGas", \.workload.maxFeePerGas, .atLeast(EtherAmount(gwei: 1), "an amount")),
            .value(
                "feeStrategy", \.workload.feeStrategy,
                Constraint(expected: "fixed or uniform") { ["fixed", "uniform"].contains($0) }),
        ],
        subsections: [
            SectionSpec(
                "amount",
                fields: [
                    .value("min", \.workload.amount.min, .atLeast(EtherAmount(gwei: 1), "an amount")),
                    .value("max", \.workload.amount.max, .atLeast(EtherAmount(gwei: 1), "an amount")),
                ]),
            SectionSpec(
                "faults",
                fields: [
                    .value("badSignature", \.workload.faults.badSignature),
                    .value("replayedNonce", \.workload.faults.replayedNonce),
                    .value("overdraft", \.workload.faults.overdraft),
                    .value("replayedReceipt", \.workload.faults.replayedReceipt),
                    .value("forgedWitness", \.workload.faults.forgedWitness),
                ]),
            SectionSpec(
                "spike",
                fields: [
                    .value("from", \.workload.spike.from),
                    .value("until", \.workload.spike.until),
                    .value(
                        "multiplier", \.workload.spike.multiplier,
                        .between(FixedDecimal(0), FixedDecimal(1_000), "a factor")),
                    .value(
                        "shards", \.workload.spike.shards,
                        Constraint(expected: "shard ids and ranges separated by commas, e.g. 0-3,7") {
                            ShardList.parse($0) != nil
                        }),
                ]),
        ])

    static let crossShard = SectionSpec<Scenario>(
        "crossShard",
        fields: [
            .value("model", \.crossShard.model),
            .value(
                "finalityDelay", \.crossShard.finalityDelay,
                Constraint(expected: "a positive delay (e.g. 3 slots, 2 epochs)") { $0.count > 0 }),
            .value("revertProbability", \.crossShard.revertProbability),
            .value("orphanRate", \.crossShard.orphanRate),
            .value("lockTimeout", \.crossShard.lockTimeout),
        ])

    static let fees = SectionSpec<Scenario>(
        "fees",
        fields: [
            .value("elasticity", \.fees.elasticity, .range(1...100)),
            .value("baseFeeChangeDenominator", \.fees.baseFeeChangeDenominator, .range(1...1_000_000)),
            .value("initialBaseFee", \.fees.initialBaseFee),
            .value(
                "ee", \.fees.ee,
                Constraint(expected: "empty (no fee market) or the name of an EE in ees") {
                    $0.isEmpty || !$0.contains(where: \.isWhitespace)
                }),
            .value("transactionTimeout", \.fees.transactionTimeout),
            .value("witnessFeePerByte", \.fees.witnessFeePerByte),
        ])

    static let measurement = SectionSpec<Scenario>(
        "measurement",
        fields: [
            .value("warmUp", \.measurement.warmUp),
            .value("drain", \.measurement.drain),
        ])

    /// The opt-in network model: read only when the file has a `network:` section, rendered only when it had one.
    static let network = SectionSpec<Scenario>(
        "network",
        fields: [
            .value("committeeSize", \.network.committeeSize, .range(2...4096)),
            .value("gossipDegree", \.network.gossipDegree, .range(1...256)),
            .value("processingDelay", \.network.processingDelay, .atMost(TimeSpan(micros: 60_000_000), "a duration")),
            .value(
                "attestationDeadline", \.network.attestationDeadline,
                .positive("duration", zero: TimeSpan(micros: 0), example: "4s")),
        ],
        subsections: [
            SectionSpec(
                "upload",
                fields: [
                    .value("min", \.network.upload.min, .atLeast(Bandwidth(bitsPerSecond: 1000), "a bandwidth")),
                    .value("max", \.network.upload.max, .atLeast(Bandwidth(bitsPerSecond: 1000), "a bandwidth")),
                ]),
            SectionSpec(
                "download",
                fields: [
                    .value("min", \.network.download.min, .atLeast(Bandwidth(bitsPerSecond: 1000), "a bandwidth")),
                    .value("max", \.network.download.max, .atLeast(Bandwidth(bitsPerSecond: 1000), "a bandwidth")),
                ]),
        ])

    /// The fields of one entry of `ees`.
    static let executionEnvironment = SectionSpec<Scenario.ExecutionEnvironment>(
        "ees",
        fields: [
            .value("name", \.name, required: true, .identifier(maximumLength: 32, allowsUppercase: false)),
            .mapped(
                "code", \.code, required: true, parse: EECode.parse, store: { $0 }, render: { $0 }),
            .value("deposit", \.deposit),
            .value("genesisBalancePerShard", \.genesisBalancePerShard),
            .value("accountsPerShard", \.accountsPerShard, .range(0...RunLimits.maximumAccountsPerShard)),
            .mapped(
                "activeAccountsPerShard", \.activeAccountsPerShard, .range(1...RunLimits.maximumActiveAccountsPerShard),
                store: { $0 }, render: { $0 }),
        ])

    /// Every field a sweep may vary, by dotted path, in canonical order.
    static let sweepableFields: [(path: String, field: FieldSpec<Scenario>)] =
        runLength.map { ($0.key, $0) } + (sections + [network]).flatMap { $0.fieldsByPath(under: "") }
        + [("ees[0].accountsPerShard", firstEEAccounts)]

    /// The first EE's accounts per shard, the one EE field a sweep may vary (its witness depth grows with it);
    /// `ees` always has at least one entry once read.
    static let firstEEAccounts = FieldSpec<Scenario>.value(
        "accountsPerShard", \.ees[0].accountsPerShard, .range(0...RunLimits.maximumAccountsPerShard))

    /// The sweepable field at `path`, if any.
    static func sweepableField(at path: String) -> FieldSpec<Scenario>? {
        sweepableFields.first { $0.path == path }?.field
    }
}

extension Constraint where Value == String {
    /// A short identifier safe in folder names: letters (lowercase unless `allowsUppercase`), digits, `_`, `-`,
    /// and `.` when uppercase is allowed; not starting with `.` or `-`.
    static func identifier(maximumLength: Int, allowsUppercase: Bool) -> Constraint {
        let letters = allowsUppercase ? "A–Z a–z 0–9 . _ -" : "a–z 0–9 _ -"
        return Constraint(expected: "1 to \(maximumLength) characters of \(letters), not starting with . or -") {
            text in
            guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= maximumLength,
                first != ".", first != "-"
            else { return false }
            return text.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "0"..."9", "_", "-": true
                case "A"..."Z", ".": allowsUppercase
                default: false
                }
            }
        }
    }
}
