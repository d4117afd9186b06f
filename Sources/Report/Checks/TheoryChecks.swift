import RunFormat

/// The checks against theory that apply to a set of runs.
///
/// - ETH conservation held in every slot (`run.json`, checked by the run itself every slot).
/// - Accounting: included transactions = applied + rejected (`summary.csv`).
/// - Delivered cross-shard transfers never exceed submitted ones.
/// - Every measured transfer (submitted after the warm-up) ended delivered, failed or censored (`summary.csv`).
/// - Under the `one-slot` model, every delivered transfer took 1 + the destination's consecutive missed slots from
///   inclusion to delivery (``OneSlotRule``).
public enum TheoryChecks {
    public static func all(_ input: ReportInput) -> [TheoryCheck] {
        var checks: [TheoryCheck] = []
        for group in input.groups {
            checks.append(conservation(group))
            checks.append(accounting(group))
            checks.append(deliveredAtMostSubmitted(group))
            // Runs written before warm-up and drain have no measured-transfer figures: the check does not apply.
            if group.runs.contains(where: { $0.figures["measured_transfers"] != nil }) {
                checks.append(measuredAccounted(group))
            }
            if group.runs.allSatisfy({ $0.model == "one-slot" }) { checks.append(oneSlotLatency(group)) }
        }
        return checks
    }

    static func conservation(_ group: RunGroup) -> TheoryCheck {
        let name = "ETH conserved every slot"
        let unfinished = group.runs.filter { $0.status != "finished" }.map(\.name)
        if !unfinished.isEmpty {
            return TheoryCheck(
                name: name, group: group.name, verdict: .notApplicable,
                detail: "runs not finished: \(unfinished.joined(separator: ", "))")
        }
        let broken = group.runs.filter { $0.conservationHolds != true }.map(\.name)
        return TheoryCheck(
            name: name, group: group.name, verdict: broken.isEmpty ? .pass : .fail,
            detail: broken.isEmpty
                ? "held in all \(group.runs.count) run(s)" : "violated in \(broken.joined(separator: ", "))")
    }

    static func accounting(_ group: RunGroup) -> TheoryCheck {
        let name = "included = applied + rejected"
        var bad: [String] = []
        var checked = 0
        for run in group.runs {
            let f = run.figures
            guard let included = f[SummaryMetric.transactionsIncluded.name],
                let applied = f[SummaryMetric.transactionsApplied.name],
                let rejected = f[SummaryMetric.transactionsRejected.name]
            else { continue }
            checked += 1
            if included != applied + rejected {
                bad.append("\(run.name): \(Int(included)) ≠ \(Int(applied)) + \(Int(rejected))")
            }
        }
        if checked == 0 {
            return TheoryCheck(name: name, group: group.name, verdict: .notApplicable, detail: "no summary.csv")
        }
        return TheoryCheck(
            name: name, group: group.name, verdict: bad.isEmpty ? .pass : .fail,
            detail: bad.isEmpty ? "holds in \(checked) run(s)" : bad.joined(separator: "; "))
    }

    /// Measured transfers = delivered + failed + censored: none is lost or counted twice, whatever the model.
    static func measuredAccounted(_ group: RunGroup) -> TheoryCheck {
        let name = "measured = delivered + failed + censored"
        var bad: [String] = []
        var checked = 0
        for run in group.runs {
            let f = run.figures
            guard let measured = f["measured_transfers"], let delivered = f["measured_delivered"],
                let failed = f["measured_failed"], let censored = f["measured_censored"]
            else { continue }
            checked += 1
            if measured != delivered + failed + censored {
                bad.append(
                    "\(run.name): \(Int(measured)) ≠ \(Int(delivered)) + \(Int(failed)) + \(Int(censored))")
            }
        }
        if checked == 0 {
            return TheoryCheck(
                name: name, group: group.name, verdict: .notApplicable, detail: "no measured-transfer figures")
        }
        return TheoryCheck(
            name: name, group: group.name, verdict: bad.isEmpty ? .pass : .fail,
            detail: bad.isEmpty ? "holds in \(checked) run(s)" : bad.joined(separator: "; "))
    }

    static func deliveredAtMostSubmitted(_ group: RunGroup) -> TheoryCheck {
        let name = "cross-shard delivered ≤ submitted"
        var bad: [String] = []
        var checked = 0
        for run in group.runs {
            let f = run.figures
            guard let submitted = f[SummaryMetric.crossShardSubmitted.name],
                let delivered = f[SummaryMetric.crossShardDelivered.name]
            else {
                continue
            }
            checked += 1
            if delivered > submitted { bad.append("\(run.name): \(Int(delivered)) > \(Int(submitted))") }
        }
        if checked == 0 {
            return TheoryCheck(name: name, group: group.name, verdict: .notApplicable, detail: "no summary.csv")
        }
        return TheoryCheck(
            name: name, group: group.name, verdict: bad.isEmpty ? .pass : .fail,
            detail: bad.isEmpty ? "holds in \(checked) run(s)" : bad.joined(separator: "; "))
    }

    static func oneSlotLatency(_ group: RunGroup) -> TheoryCheck {
        let name = "one-slot latency = 1 + missed slots at the destination"
        let rules: [OneSlotRule] = group.runs.compactMap { OneSlotRule($0) }
        let checked = rules.reduce(0) { $0 + $1.checked }
        if checked == 0 {
            return TheoryCheck(
                name: name, group: group.name, verdict: .notApplicable,
                detail: rules.isEmpty ? "no slots.csv or transfers.csv with slot columns" : "no delivered transfers")
        }
        let followed = rules.reduce(0) { $0 + $1.followed }
        let capacity = rules.reduce(0) { $0 + $1.delayedByCapacity }
        let broken: [String] = rules.flatMap { $0.broken }
        var spread: [Int: Int] = [:]
        for rule in rules { spread.merge(rule.byMissedSlots, uniquingKeysWith: +) }
        let parts: [String] = spread.keys.sorted().map { missed in "\(spread[missed] ?? 0) after \(missed) missed" }
        var detail = "\(followed) of \(checked) delivered transfers took exactly 1 + the destination's missed slots"
        detail += " (" + parts.joined(separator: ", ") + ")"
        if capacity > 0 { detail += "; \(capacity) waited longer for room in a full destination block" }
        if !broken.isEmpty {
            detail +=
                "; broken by \(broken.count): " + broken.prefix(5).joined(separator: ", ")
                + (broken.count > 5 ? ", …" : "")
        }
        return TheoryCheck(name: name, group: group.name, verdict: broken.isEmpty ? .pass : .fail, detail: detail)
    }
}
