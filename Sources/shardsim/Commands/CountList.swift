import ArgumentParser

/// The value of a list option: whole numbers separated by commas (`--sizes 16777216,268435456`), the one form every
/// list option of `shardsim` takes, as `--seeds 1,2,3` and `--models one-slot,optimistic` do.
struct CountList: ExpressibleByArgument, Equatable {
    /// The numbers, in the order given.
    var values: [Int]

    init(_ values: [Int]) { self.values = values }

    /// Reads `1000,1000000`; `nil` (ArgumentParser then names the option and the value) unless every piece between
    /// commas is a whole number.
    init?(argument: String) {
        let pieces = argument.split(separator: ",", omittingEmptySubsequences: false)
        let values = pieces.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.count == pieces.count else { return nil }
        self.values = values
    }

    var defaultValueDescription: String { values.map(String.init).joined(separator: ",") }
}
