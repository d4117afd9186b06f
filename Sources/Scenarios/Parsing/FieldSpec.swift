import Foundation

/// How one scalar field is read, checked, written into its value, and rendered back.
///
/// The schema is a table of these (see ``ScenarioSchema``), so a field's key, type, unit, range and canonical
/// spelling are declared once and shared by the file reader, the sweep reader and the canonical rendering.
struct FieldSpec<Root>: Sendable {
    /// The key in its mapping, e.g. `slotDuration`.
    let key: String
    /// What a valid value looks like, phrased to follow "expected".
    let expected: String
    /// Whether a file must give the field (only list entries such as an EE's `name` have required fields).
    let isRequired: Bool
    /// Reads and checks a scalar's text; the success writes the value and carries its canonical spelling.
    let read: @Sendable (_ text: String, _ context: ValueContext) -> Result<FieldAssignment<Root>, ValueProblem>
    /// The field's current value as a YAML scalar, or `nil` when the field is not rendered (one of `duration` and
    /// `slots` is always absent).
    let render: @Sendable (Root) -> String?
}

/// A checked value ready to be written into a `Root`.
struct FieldAssignment<Root>: Sendable {
    /// The value's canonical spelling.
    let canonicalText: String
    /// Writes the value.
    let apply: @Sendable (inout Root) -> Void
}

/// What a field reader may need beyond the text: where relative paths start.
struct ValueContext: Sendable {
    /// The folder of the file being read; relative paths resolve against it.
    let baseDirectory: URL
}
extension FieldSpec {
    /// A field stored as is at `keyPath`, checked by `constraint` after parsing.
    static func value<Value: ScenarioScalar>(
        _ key: String, _ keyPath: WritableKeyPath<Root, Value> & Sendable, required: Bool = false,
        _ constraint: Constraint<Value>? = nil
    ) -> FieldSpec {
        mapped(
            key, keyPath, required: required, constraint, parse: { text, _ in Value.parse(text) }, store: { $0 },
            render: { $0 })
    }

    /// A field whose parsed `Value` is stored as a `Stored` (e.g. `duration` stored as a ``RunLength``).
    /// `render` returns `nil` when the stored value is not spelled by this field.
    static func mapped<Value: ScenarioScalar, Stored: Sendable>(
        _ key: String, _ keyPath: WritableKeyPath<Root, Stored> & Sendable, required: Bool = false,
        _ constraint: Constraint<Value>? = nil,
        parse: @escaping @Sendable (String, ValueContext) -> Result<Value, ValueProblem> = { text, _ in
            Value.parse(text)
        },
        store: @escaping @Sendable (Value) -> Stored,
        render: @escaping @Sendable (Stored) -> Value?
    ) -> FieldSpec {
        FieldSpec(
            key: key, expected: constraint?.expected ?? Value.expectation, isRequired: required,
            read: { text, context in
                parse(text, context).mapError { problem in
                    // A field with a range words a negative number (or, if the range has a maximum, an overflow)
                    // as its range; otherwise the type's own limit is the better message.
                    guard let constraint, let outOfRange = problem.outOfRange,
                        outOfRange == .negative || constraint.hasMaximum
                    else { return problem }
                    return ValueProblem(expected: constraint.expected)
                }
                .flatMap { value in
                    if let constraint, !constraint.accepts(value) {
                        return .failure(ValueProblem(expected: constraint.expected))
                    }
                    let stored = store(value)
                    return .success(
                        FieldAssignment(canonicalText: value.canonicalText) { $0[keyPath: keyPath] = stored })
                }
            },
            render: { root in
                render(root[keyPath: keyPath]).map { YAMLText.scalar($0.canonicalText, quoted: Value.rendersQuoted) }
            })
    }
}
