internal import Yams

/// A mapping of scalar fields and nested mappings, e.g. `beacon` or `workload` (with its `amount` inside).
struct SectionSpec<Root>: Sendable {
    /// The key of the section in its parent mapping.
    let key: String
    /// The scalar fields, in canonical order.
    let fields: [FieldSpec<Root>]
    /// The nested sections, rendered after the fields.
    let subsections: [SectionSpec<Root>]

    init(_ key: String, fields: [FieldSpec<Root>], subsections: [SectionSpec<Root>] = []) {
        self.key = key
        self.fields = fields
        self.subsections = subsections
    }

    /// Every key the section accepts, in canonical order.
    var knownKeys: [String] { fields.map(\.key) + subsections.map(\.key) }

    /// Every scalar field below this section with its dotted path (relative to the section's parent).
    func fieldsByPath(under parent: String) -> [(path: String, field: FieldSpec<Root>)] {
        let own = FieldPath.child(parent, key)
        return fields.map { (FieldPath.child(own, $0.key), $0) } + subsections.flatMap { $0.fieldsByPath(under: own) }
    }
}

/// Reads mappings described by ``SectionSpec`` and scalars described by ``FieldSpec``.
enum SectionReader {
    /// Reads `node` as `section` into `root`; `field` is the section's own dotted path. Unknown keys are errors.
    static func read<Root>(
        _ node: Node, as section: SectionSpec<Root>, field: String, into root: inout Root,
        context: inout ReadContext
    ) {
        guard
            let entries = MappingReader.entries(
                of: node, field: field, expected: "a mapping with keys " + section.knownKeys.joined(separator: ", "),
                context: &context)
        else { return }
        for entry in entries {
            let path = FieldPath.child(field, entry.key)
            if let spec = section.fields.first(where: { $0.key == entry.key }) {
                readField(entry.value, as: spec, field: path, into: &root, context: &context)
            } else if let subsection = section.subsections.first(where: { $0.key == entry.key }) {
                read(entry.value, as: subsection, field: path, into: &root, context: &context)
            } else {
                MappingReader.reportUnknown(entry, in: field, known: section.knownKeys, context: &context)
            }
        }
        for spec in section.fields where spec.isRequired && !entries.contains(where: { $0.key == spec.key }) {
            context.report(
                ScenarioError(
                    .missingKey, at: context.location(of: node), field: FieldPath.child(field, spec.key),
                    expected: spec.expected))
        }
    }

    /// Reads one scalar field into `root`; returns the assignment, or `nil` after reporting the problem.
    @discardableResult
    static func readField<Root>(
        _ node: Node, as spec: FieldSpec<Root>, field: String, into root: inout Root, context: inout ReadContext
    ) -> FieldAssignment<Root>? {
        guard let assignment = check(node, as: spec, field: field, context: &context) else { return nil }
        assignment.apply(&root)
        context.fieldLocations[field] = context.location(of: node)
        return assignment
    }

    /// Reads and checks one scalar without writing it (sweep values are written later, per point).
    static func check<Root>(
        _ node: Node, as spec: FieldSpec<Root>, field: String, context: inout ReadContext
    ) -> FieldAssignment<Root>? {
        guard let text = context.scalarText(node, field: field, expected: spec.expected) else { return nil }
        switch spec.read(text, context.values) {
        case .success(let assignment):
            return assignment
        case .failure(let problem):
            context.invalid(node, field: field, expected: problem.expected, found: problem.found)
            return nil
        }
    }
}
