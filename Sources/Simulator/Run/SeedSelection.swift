import Foundation
import Scenarios

/// Which seeds a command replicates a scenario with, as `--seeds` gives them: a count (`--seeds 5`: the first five)
/// or a list (`--seeds 1,2,3`: exactly those).
///
/// "The first N" are the scenario's own seeds in order, then the integers after the largest of them, so a count
/// above the scenario's list extends it without repeating a seed.
package enum SeedSelection: Equatable, Sendable {
    /// The first `count` seeds.
    case first(Int)
    /// Exactly these seeds, in this order.
    case list([UInt64])

    /// Reads `5` (a count, at least 1) or `1,2,3` (distinct seeds separated by commas; `7,` is the one seed 7).
    ///
    /// - Throws: ``Problem`` with the sentence to show.
    package init(parsing text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains(",") {
            guard let count = Int(trimmed), count >= 1 else {
                throw Problem(
                    "--seeds expects a count (e.g. 5 for the first five seeds) or seeds separated by commas "
                        + "(e.g. 1,2,3); found '\(text)'")
            }
            self = .first(count)
            return
        }
        var seeds: [UInt64] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: true) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let seed = UInt64(item) else {
                throw Problem("--seeds: '\(item)' is not a seed (an integer from 0 to \(UInt64.max))")
            }
            guard !seeds.contains(seed) else { throw Problem("--seeds: seed \(seed) is listed twice") }
            seeds.append(seed)
        }
        guard !seeds.isEmpty else { throw Problem("--seeds: no seed in '\(text)'") }
        self = .list(seeds)
    }

    /// The seeds for `scenario`.
    package func seeds(for scenario: Scenario) -> [UInt64] {
        switch self {
        case .list(let seeds):
            return seeds
        case .first(let count):
            var seeds = scenario.seeds.isEmpty ? [1] : scenario.seeds
            var next = (seeds.max() ?? 0) &+ 1
            while seeds.count < count {
                if !seeds.contains(next) { seeds.append(next) }
                next &+= 1
            }
            return Array(seeds.prefix(count))
        }
    }

    /// A `--seeds` value that cannot be read.
    package struct Problem: Error, CustomStringConvertible, Sendable {
        package let description: String
        init(_ description: String) { self.description = description }
    }
}
