/// A rule that involves more than one field, broken.
struct CrossFieldProblem: Equatable, Sendable {
    /// The field to blame (its line is reported).
    let field: String
    /// The other fields of the rule; when a sweep sets one of them, its value's line is reported instead.
    var involves: [String] = []
    /// What the field should be, given the others.
    let expected: String
    /// What it is.
    let found: String

    /// The problem as an error at `location`.
    func error(at location: SourceLocation) -> ScenarioError {
        ScenarioError(.invalidValue, at: location, field: field, expected: expected, found: found)
    }

    /// The same problem, said to happen at a sweep point.
    func at(_ point: SweepPoint) -> CrossFieldProblem {
        CrossFieldProblem(
            field: field, involves: involves, expected: expected,
            found: "\(found) at sweep point \(point.index) (\(point.label))")
    }
}

/// Rules between fields, checked on the resolved scenario and again on every sweep point (a sweep can make a
/// valid file produce an invalid combination).
enum CrossFieldChecks {
    /// Every broken rule of `scenario`, in a fixed order.
    static func problems(in scenario: Scenario) -> [CrossFieldProblem] {
        var problems: [CrossFieldProblem] = []
        if case .duration(let span) = scenario.runLength {
            let slot = scenario.beacon.slotDuration
            if slot.micros > 0 && span.micros % slot.micros != 0 {
                problems.append(
                    CrossFieldProblem(
                        field: "duration", involves: ["beacon.slotDuration"],
                        expected: "a whole number of slots (beacon.slotDuration is \(slot.canonicalText))",
                        found: "'\(span.canonicalText)'"))
            }
        }
        let amount = scenario.workload.amount
        if amount.min > amount.max {
            problems.append(
                CrossFieldProblem(
                    field: "workload.amount.max", involves: ["workload.amount.min"],
                    expected: "an amount of at least workload.amount.min (\(amount.min.canonicalText))",
                    found: "'\(amount.max.canonicalText)'"))
        }
        let names = scenario.ees.map(\.name)
        let workloadEEs = scenario.workload.mix?.entries.map(\.ee) ?? []
        if let unknown = workloadEEs.first(where: { !names.contains($0) }) {
            problems.append(
                CrossFieldProblem(
                    field: "workload.ee", expected: "the name of an EE in ees: " + names.joined(separator: ", "),
                    found: NodeDescription.quoted(unknown)))
        }
        if workloadEEs.count < 2 && scenario.workload.crossEEFraction != .zero {
            problems.append(
                CrossFieldProblem(
                    field: "workload.crossEEFraction", involves: ["workload.ee"],
                    expected: "0 % unless workload.ee names at least two EEs",
                    found: "'\(scenario.workload.crossEEFraction.canonicalText)'"))
        }
        let feeEE = scenario.fees.ee
        if !feeEE.isEmpty && (!names.contains(feeEE) || workloadEEs.contains(feeEE)) {
            problems.append(
                CrossFieldProblem(
                    field: "fees.ee", involves: ["workload.ee"],
                    expected: "empty, or the name of an EE in ees that workload.ee does not name: "
                        + names.joined(separator: ", "),
                    found: NodeDescription.quoted(feeEE)))
        }
        let spike = scenario.workload.spike
        if spike.until < spike.from {
            problems.append(
                CrossFieldProblem(
                    field: "workload.spike.until", involves: ["workload.spike.from"],
                    expected: "a time no earlier than workload.spike.from (\(spike.from.canonicalText))",
                    found: "'\(spike.until.canonicalText)'"))
        }
        if let highest = ShardList.parse(spike.shards)?.last, highest >= scenario.shards.count {
            problems.append(
                CrossFieldProblem(
                    field: "workload.spike.shards", involves: ["shards.count"],
                    expected: "shard ids below shards.count (\(scenario.shards.count))",
                    found: NodeDescription.quoted(spike.shards)))
        }
        if scenario.crossShard.finalityDelay.slots(slotsPerEpoch: scenario.beacon.slotsPerEpoch) == nil {
            problems.append(
                CrossFieldProblem(
                    field: "crossShard.finalityDelay", involves: ["beacon.slotsPerEpoch"],
                    expected: "a delay below 2⁶⁴ slots",
                    found: "'\(scenario.crossShard.finalityDelay.canonicalText)'"))
        }
        if scenario.crossShard.lockTimeout.slots(slotsPerEpoch: scenario.beacon.slotsPerEpoch) == nil {
            problems.append(
                CrossFieldProblem(
                    field: "crossShard.lockTimeout", involves: ["beacon.slotsPerEpoch"],
                    expected: "a delay below 2⁶⁴ slots",
                    found: "'\(scenario.crossShard.lockTimeout.canonicalText)'"))
        }
        return problems + measurementProblems(in: scenario) + networkProblems(in: scenario)
            + RunLimits.problems(in: scenario)
    }

    /// The warm-up and the drain fit 64 bits in slots, and the warm-up leaves at least one arrival slot to measure.
    private static func measurementProblems(in scenario: Scenario) -> [CrossFieldProblem] {
        var problems: [CrossFieldProblem] = []
        let measurement = scenario.measurement
        for (field, delay, slots) in [
            ("measurement.warmUp", measurement.warmUp, scenario.warmUpSlots),
            ("measurement.drain", measurement.drain, scenario.drainSlots),
        ] where slots == nil {
            problems.append(
                CrossFieldProblem(
                    field: field, involves: ["beacon.slotsPerEpoch"], expected: "a delay below 2⁶⁴ slots",
                    found: "'\(delay.canonicalText)'"))
        }
        if let warmUp = scenario.warmUpSlots, warmUp > 0, warmUp >= scenario.slotCount {
            let runLength: String
            if case .duration = scenario.runLength { runLength = "duration" } else { runLength = "slots" }
            problems.append(
                CrossFieldProblem(
                    field: "measurement.warmUp", involves: [runLength, "beacon.slotsPerEpoch"],
                    expected: "fewer slots than the run's \(scenario.slotCount) arrival slots (\(runLength)), so that "
                        + "some arrivals are measured",
                    found: "'\(measurement.warmUp.canonicalText)' (\(warmUp) slots)"))
        }
        return problems
    }

    /// The network section's rules: a sweep may only vary its fields when the file has the section; the gossip
    /// degree is below the committee size; bandwidth ranges are ordered; the deadline falls inside the slot.
    private static func networkProblems(in scenario: Scenario) -> [CrossFieldProblem] {
        var problems: [CrossFieldProblem] = []
        let network = scenario.network
        guard network.isEnabled else {
            if network != Scenario.Network() {
                problems.append(
                    CrossFieldProblem(
                        field: "network", expected: "a network: section in the file before network fields are swept",
                        found: "no network section"))
            }
            return problems
        }
        if network.gossipDegree >= network.committeeSize {
            problems.append(
                CrossFieldProblem(
                    field: "network.gossipDegree", involves: ["network.committeeSize"],
                    expected: "a degree below network.committeeSize (\(network.committeeSize))",
                    found: "'\(network.gossipDegree)'"))
        }
        for (name, range) in [("upload", network.upload), ("download", network.download)] where range.min > range.max {
            problems.append(
                CrossFieldProblem(
                    field: "network.\(name).max", involves: ["network.\(name).min"],
                    expected: "a bandwidth of at least network.\(name).min (\(range.min.canonicalText))",
                    found: "'\(range.max.canonicalText)'"))
        }
        if network.attestationDeadline > scenario.beacon.slotDuration {
            problems.append(
                CrossFieldProblem(
                    field: "network.attestationDeadline", involves: ["beacon.slotDuration"],
                    expected:
                        "a time within the slot (beacon.slotDuration is \(scenario.beacon.slotDuration.canonicalText))",
                    found: "'\(network.attestationDeadline.canonicalText)'"))
        }
        return problems
    }
}
