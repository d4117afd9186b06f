internal import Yams

/// The state of one pass over a file: the problems found so far, where relative paths start, and where each field
/// was set (so that checks across fields can point at a line).
struct ReadContext {
    /// Problems found so far.
    var diagnostics: Diagnostics
    /// What value readers need beyond the text.
    let values: ValueContext
    /// Where each field path was set in the file. Used for lookups only, never iterated, so its order cannot leak.
    var fieldLocations: [String: SourceLocation] = [:]

    init(file: String, values: ValueContext) {
        self.diagnostics = Diagnostics(file: file)
        self.values = values
    }

    /// The file as the user named it.
    var file: String { diagnostics.file }

    /// Where `node` starts.
    func location(of node: Node) -> SourceLocation { YAMLDocument.location(node.mark, file) }

    /// Reports a value of the wrong type, unit or range at `node`.
    mutating func invalid(_ node: Node, field: String, expected: String, found: String? = nil) {
        diagnostics.report(
            ScenarioError(
                .invalidValue, at: location(of: node), field: field, expected: expected,
                found: found ?? NodeDescription.found(node)))
    }

    /// Reports `error`.
    mutating func report(_ error: ScenarioError) { diagnostics.report(error) }

    /// Reads a scalar's text, or reports that `node` is not a scalar (or is null) and returns `nil`.
    mutating func scalarText(_ node: Node, field: String, expected: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            invalid(node, field: field, expected: expected)
            return nil
        }
        return scalar.string
    }
}
