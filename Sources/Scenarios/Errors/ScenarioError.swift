/// One problem in a scenario or Scout file: where it is, which field, what was expected and what was found.
///
/// The fields are data; ``description`` is the one place that turns them into a sentence, for example
/// `scenarios/x.yaml:7:18: beacon.slotDuration: expected a duration with a unit (e.g. 12s, 250ms), found '12'`.
/// Match on ``code`` rather than on the text.
package struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether the problem stops the file from loading.
    package enum Severity: Hashable, Sendable {
        /// The file does not load.
        case error
        /// The file loads; the problem is reported alongside (Scout files tolerate unknown keys this way).
        case warning
    }

    /// The kind of problem.
    package let code: Code
    /// Whether this is an error or a warning.
    package let severity: Severity
    /// The file as the user named it (or a label such as `<string>` for text parsed from memory).
    package let file: String
    /// The 1-based line, or 0 when the problem concerns the whole file (e.g. it cannot be read).
    package let line: Int
    /// The 1-based column in Unicode scalars, or 0 with ``line``.
    package let column: Int
    /// The dotted field path, e.g. `beacon.slotDuration` or `ees[1].deposit`; empty when no field applies.
    package let field: String
    /// What was expected, phrased to follow "expected".
    package let expected: String
    /// What was found, phrased to follow "found" (a scalar's text is quoted: `'12'`).
    package let found: String

    init(
        _ code: Code, at location: SourceLocation, field: String = "", expected: String = "", found: String = "",
        severity: Severity = .error
    ) {
        self.code = code
        self.severity = severity
        self.file = location.file
        self.line = location.line
        self.column = location.column
        self.field = field
        self.expected = expected
        self.found = found
    }

    /// The same problem as a warning.
    func asWarning() -> ScenarioError {
        ScenarioError(
            code, at: SourceLocation(file: file, line: line, column: column), field: field, expected: expected,
            found: found, severity: .warning)
    }
}

/// A position in an input file; `line` and `column` are 1-based, and 0 means "the whole file".
struct SourceLocation: Hashable, Sendable {
    /// The file as the user named it.
    var file: String
    /// The 1-based line, or 0.
    var line: Int
    /// The 1-based column, or 0.
    var column: Int

    /// The whole file, for problems that have no line.
    static func wholeFile(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }
}
