import RunFormat

/// The checks against theory that apply to a set of runs.
///
/// - ETH conservation held in every slot (`run.json`, checked by the run itself every slot).
/// - Accounting: included transactions = applied + rejected (`summary.csv`).
/// - Delivered cross-shard transfers never exceed submitted ones.
/// - Under the `one-slot` model without congestion (no shard ended a slot with receipts waiting), every delivered
///   transfer took exactly 1 slot from inclusion to delivery.
public enum TheoryChecks {
    public static func all(_ input: ReportInput) -> [TheoryCheck] {
        var checks: [TheoryCheck] = []
        for group in input.groups {
            checks.append(conservation(group))
            checks.append(accounting(group))
            checks.append(deliveredAtMostSubmitted(group))
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
        let name = "one-slot latency is exactly 1 slot without congestion"
        var congested = 0
        var delivered = 0
        var other: [String: Int] = [:]
        for run in group.runs {
            congested += run.slots?.numbers(ColumnNames.inboxAfter).filter { $0 > 0 }.count ?? 0
            guard let transfers = run.transfers, let outcome = transfers.index(of: ColumnNames.outcome),
                let latency = transfers.index(of: ColumnNames.latencyInclusionSlots)
                    ?? transfers.index(of: ColumnNames.legacyLatencyInclusionSlots)
            else { continue }
            for row in transfers.rows where TransferOutcome(name: row[outcome]) == .delivered {
                delivered += 1
                if row[latency] != "1" { other[row[latency], default: 0] += 1 }
            }
        }
        if congested > 0 {
            return TheoryCheck(
                name: name, group: group.name, verdict: .notApplicable,
                detail: "\(congested) shard-slot(s) ended with receipts waiting (congestion)")
        }
        if delivered == 0 {
            return TheoryCheck(name: name, group: group.name, verdict: .notApplicable, detail: "no delivered transfers")
        }
        let wrong = other.values.reduce(0, +)
        let detail =
            wrong == 0
            ? "all \(delivered) delivered transfers took 1 slot"
            : "\(wrong) of \(delivered) took another latency: "
                + other.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
        return TheoryCheck(name: name, group: group.name, verdict: wrong == 0 ? .pass : .fail, detail: detail)
    }
}
