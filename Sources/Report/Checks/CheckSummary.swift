/// The checks as a report lists them: one row per check and verdict, the groups that share it together, so a sweep
/// of many points reads as a few rows ("pass in all 6 groups") rather than one row per group.
enum CheckSummary {
    /// Most details listed in a merged row before the rest are counted.
    static let maximumDetails = 3

    static func rows(_ checks: [TheoryCheck], groupCount: Int) -> [TheoryCheck] {
        var order: [String] = []
        var merged: [String: [TheoryCheck]] = [:]
        for check in checks {
            let key = "\(check.name)\u{0}\(check.verdict.rawValue)"
            if merged[key] == nil { order.append(key) }
            merged[key, default: []].append(check)
        }
        return order.map { key in
            let same = merged[key]!
            guard same.count > 1 else { return same[0] }
            let group =
                same.count == groupCount && groupCount > 1
                ? "all \(groupCount) groups"
                : "\(same.count) groups: "
                    + same.map(\.group).joined(separator: "; ")
            var details: [String] = []
            for check in same where !details.contains(check.detail) { details.append(check.detail) }
            var detail = details.prefix(maximumDetails).joined(separator: "; ")
            if details.count > maximumDetails { detail += "; … (\(details.count - maximumDetails) more)" }
            return TheoryCheck(name: same[0].name, group: group, verdict: same[0].verdict, detail: detail)
        }
    }
}
