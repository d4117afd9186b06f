internal import Yams

/// One key of a mapping, with its value.
struct MappingEntry {
    /// The key's text.
    let key: String
    /// The key node, for its position.
    let keyNode: Node
    /// The value node.
    let value: Node
}

/// Reads the keys of a mapping node in file order, applying YAML merge keys (`<<: *defaults`) and reporting keys
/// that are not text or that appear twice.
enum MappingReader {
    /// How deep merge keys may nest (a merged mapping that itself merges …); deeper merges are ignored.
    private static let maximumMergeDepth = 8

    /// The entries of `node`, or `nil` after reporting that it is not a mapping. A null node (`beacon:` with
    /// nothing after it) reads as an empty mapping when `nullIsEmpty`, so commenting out every key of a section
    /// is not an error.
    static func entries(
        of node: Node, field: String, expected: String, nullIsEmpty: Bool = true, context: inout ReadContext
    ) -> [MappingEntry]? {
        if case .scalar(let scalar) = node, scalar.isNull, nullIsEmpty { return [] }
        guard case .mapping(let mapping) = node else {
            context.invalid(node, field: field, expected: expected)
            return nil
        }
        var entries: [MappingEntry] = []
        var firstLines: [String: Int] = [:]  // key → line of its first occurrence; lookups only
        var mergeSources: [Node] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                context.invalid(keyNode, field: field, expected: "a plain text key")
                continue
            }
            var key = keyScalar.string
            if keyScalar.style == .plain && key == "<<" {
                mergeSources.append(value)
                continue
            }
            let isMarkedDuplicate = key.hasSuffix(DuplicateKeyMarker.suffix)
            if isMarkedDuplicate { key = String(key.dropLast(DuplicateKeyMarker.suffix.count)) }
            if isMarkedDuplicate || firstLines[key] != nil {
                let first = firstLines[key].map { " (first at line \($0))" } ?? ""
                context.report(
                    ScenarioError(
                        .duplicateKey, at: context.location(of: keyNode), field: FieldPath.child(field, key),
                        expected: "each key once per mapping", found: "'\(key)' again\(first)"))
                continue
            }
            firstLines[key] = context.location(of: keyNode).line
            entries.append(MappingEntry(key: key, keyNode: keyNode, value: value))
        }
        var present = Set(entries.map(\.key))  // membership only; order comes from `entries`
        appendMerged(mergeSources, into: &entries, present: &present, field: field, depth: 0, context: &context)
        return entries
    }

    /// Adds the entries of merged mappings whose keys are not already present; earlier sources win, as in YAML.
    private static func appendMerged(
        _ sources: [Node], into entries: inout [MappingEntry], present: inout Set<String>, field: String, depth: Int,
        context: inout ReadContext
    ) {
        guard depth < maximumMergeDepth else { return }
        for source in sources {
            let mappings: [Node] = if case .sequence(let list) = source { Array(list) } else { [source] }
            for merged in mappings {
                guard case .mapping(let mapping) = merged else {
                    context.invalid(merged, field: FieldPath.child(field, "<<"), expected: "a mapping to merge (*name)")
                    continue
                }
                var nested: [Node] = []
                for (keyNode, value) in mapping {
                    guard case .scalar(let keyScalar) = keyNode else { continue }
                    if keyScalar.style == .plain && keyScalar.string == "<<" {
                        nested.append(value)
                    } else if present.insert(keyScalar.string).inserted {
                        entries.append(MappingEntry(key: keyScalar.string, keyNode: keyNode, value: value))
                    }
                }
                appendMerged(
                    nested, into: &entries, present: &present, field: field, depth: depth + 1, context: &context)
            }
        }
    }

    /// Reports `entry` as a key the schema does not know, listing the keys it does know (`knownKeysAre` names
    /// them, e.g. "the keys of beacon").
    static func reportUnknown(
        _ entry: MappingEntry, in field: String, known: [String], knownKeysAre: String? = nil,
        asWarning: Bool = false, context: inout ReadContext
    ) {
        let phrase = knownKeysAre ?? (field.isEmpty ? "the top-level keys" : "the keys of \(field)")
        let error = ScenarioError(
            .unknownKey, at: context.location(of: entry.keyNode), field: FieldPath.child(field, entry.key),
            expected: "\(phrase): " + known.joined(separator: ", "))
        if asWarning { context.diagnostics.warn(error) } else { context.report(error) }
    }
}
