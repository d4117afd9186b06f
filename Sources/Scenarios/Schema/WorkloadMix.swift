/// The workload EEs and how arrivals are shared among them, written in `workload.ee` as comma-separated EE names,
/// each optionally followed by `*WEIGHT`: `token` (one EE), `token, vault` (half each) or `token*3, vault*1`.
package struct WorkloadMix: Hashable, Sendable {
    /// One workload EE and its share of the arrivals.
    package struct Entry: Hashable, Sendable {
        /// The name of an EE in ``Scenario/ees``.
        package var ee: String
        /// Its weight: the EE gets `weight / (sum of weights)` of each shard's arrivals. 1 to 1,000,000.
        package var weight: Int
    }

    /// The EEs, in the order written; names are distinct.
    package var entries: [Entry]

    /// The most EEs in one mix, and the largest weight.
    package static let maximumEntries = 64
    package static let maximumWeight = 1_000_000

    /// The mix `text` writes, or `nil` when it is not one (an empty name, a weight that is not an integer from 1 to
    /// ``maximumWeight``, a name twice, more than ``maximumEntries`` EEs).
    package static func parse(_ text: String) -> WorkloadMix? {
        var entries: [Entry] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "*", omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count) else { return nil }
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            var weight = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1].trimmingCharacters(in: .whitespaces)),
                    (1...maximumWeight).contains(parsed)
                else { return nil }
                weight = parsed
            }
            guard !name.isEmpty, !entries.contains(where: { $0.ee == name }) else { return nil }
            entries.append(Entry(ee: name, weight: weight))
        }
        guard (1...maximumEntries).contains(entries.count) else { return nil }
        return WorkloadMix(entries: entries)
    }

    /// What a valid mix looks like, for error messages.
    package static let expectation =
        "EE names from ees separated by commas, each optionally with a weight (e.g. token, or token*3, vault*1)"
}

extension Scenario.Workload {
    /// The workload EEs of ``ee`` with their weights (one EE of weight 1 when it names one EE). `nil` only when
    /// ``ee`` is not a valid mix, which reading a scenario refuses.
    package var mix: WorkloadMix? { WorkloadMix.parse(ee) }
}
