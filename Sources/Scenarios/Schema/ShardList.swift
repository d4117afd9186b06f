import Foundation

/// A set of shard ids written as comma-separated ids and inclusive ranges: `0-3,7`. The empty text is no shards.
package enum ShardList {
    /// The ids `text` names, sorted and unique, or `nil` when it is not a shard list. Ids above 1,023 are refused
    /// (the most shards a scenario can have).
    package static func parse(_ text: String) -> [Int]? {
        var ids = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil,
                low >= 0, low <= high, high < 1024
            else { return nil }
            ids.formUnion(low...high)
        }
        return ids.sorted()
    }
}
