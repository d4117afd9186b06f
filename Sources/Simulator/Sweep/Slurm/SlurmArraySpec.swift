/// The `--array` value for a set of task ids: ranges where they are consecutive, e.g. `0-3,7,9-10`.
package enum SlurmArraySpec {
    /// `tasks` (any order, duplicates ignored) as ranges, with `%limit` appended when given.
    package static func text(_ tasks: [Int], limit: Int? = nil) -> String {
        let sorted = Array(Set(tasks)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",") + (limit.map { "%\($0)" } ?? "")
    }
}
