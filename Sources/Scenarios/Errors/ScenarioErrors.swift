/// Every problem found in one file, thrown when it does not load.
///
/// Loading collects problems instead of stopping at the first, so one run of `shardsim validate` shows them all.
/// The list is sorted by position and capped (see ``ScenarioErrors/maximumCount``); when the cap is hit, the last
/// entry says so.
package struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    /// Errors reported for one file before reporting stops.
    package static let maximumCount = 50

    /// The problems, sorted by line and column. Warnings, if any, are included and marked by their severity.
    package let errors: [ScenarioError]

    /// Wraps `errors`, sorted by position (stable, so problems on one line keep their discovery order); a
    /// truncation note, if any, goes last.
    init(_ errors: [ScenarioError], truncationNote: ScenarioError? = nil) {
        let sorted = errors.enumerated()
            .sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }
            .map(\.element)
        self.errors = sorted + (truncationNote.map { [$0] } ?? [])
    }

    /// One problem.
    init(_ error: ScenarioError) { self.errors = [error] }

    /// One line per problem.
    package var description: String { errors.map(\.description).joined(separator: "\n") }
}
