internal import Yams

/// Turns the bytes of a file into a YAML node tree, or into located problems: invalid UTF-8, a file too large or
/// with too many aliases, a YAML syntax error (at Yams' line), an empty file, a duplicate key.
///
/// The tree keeps Yams' `Mark`s, so every later error has a line. Codable is not used on purpose: it would lose
/// the lines and stop at the first error.
enum YAMLDocument {
    /// How to word an empty file for the kind of file being read.
    struct EmptyFileWording {
        /// E.g. "empty scenario file".
        let found: String
        /// What a non-empty file holds.
        let expected: String
    }

    /// Reads `bytes`; returns the root node, or `nil` after reporting why there is none.
    static func compose(
        _ bytes: [UInt8], limits: InputLimits, empty: EmptyFileWording, into diagnostics: inout Diagnostics
    ) -> Node? {
        let file = diagnostics.file
        guard bytes.count <= limits.maximumBytes else {
            diagnostics.report(
                ScenarioError(
                    .fileTooLarge, at: .wholeFile(file), expected: "a file of at most \(limits.maximumBytes) bytes",
                    found: "\(bytes.count) bytes"))
            return nil
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // a UTF-8 byte-order mark
        let content = Array(body)
        if let offset = TextPosition.firstInvalidUTF8Offset(in: content) {
            diagnostics.report(
                ScenarioError(
                    .invalidEncoding, at: TextPosition.location(ofUTF8Offset: offset, in: content, file: file),
                    expected: "UTF-8 text", found: "the byte 0x\(hex(content[offset]))"))
            return nil
        }
        let text = String(decoding: content, as: UTF8.self)

        let aliases = AliasCounter.count(in: text, limit: limits.maximumAliases)
        if let offset = aliases.offsetBeyondLimit {
            diagnostics.report(
                ScenarioError(
                    .tooManyAliases, at: TextPosition.location(ofUTF8Offset: offset, in: content, file: file),
                    expected: "at most \(limits.maximumAliases) aliases (*name) in one file",
                    found: "\(aliases.count)"))
            return nil
        }

        guard let root = composeMarkingDuplicates(text, into: &diagnostics) else { return nil }
        if case .scalar(let scalar) = root, scalar.isNull {
            diagnostics.report(
                ScenarioError(
                    .emptyFile, at: SourceLocation(file: file, line: 1, column: 1),
                    expected: empty.expected, found: empty.found))
            return nil
        }
        return root
    }

    /// How many duplicate keys are tagged and re-parsed before the rest are left unreported.
    private static let maximumRetries = 10

    /// Composes `text`; when Yams rejects a duplicate key, tags the offending key in the text with
    /// ``DuplicateKeyMarker`` and tries again, so the schema walker can report the duplicate with its field path
    /// and still check the rest of the file. After ``maximumRetries`` duplicates, reports the next one at Yams'
    /// position and stops: each retry parses the whole file again.
    private static func composeMarkingDuplicates(_ original: String, into diagnostics: inout Diagnostics) -> Node? {
        var text = original
        for attempt in 0...maximumRetries {
            do {
                // An empty stream composes to `nil`; treat it like an explicit empty document.
                return try Yams.compose(yaml: text, .default, .default, .utf8) ?? Node("", .implicit, .plain)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let key = duplicates.first ?? ""
                let marked =
                    attempt < maximumRetries ? DuplicateKeyMarker.mark(key: key, firstAt: context.mark, in: text) : nil
                guard let marked else {
                    diagnostics.report(
                        ScenarioError(
                            .duplicateKey, at: location(context.mark, diagnostics.file),
                            expected: "each key once per mapping", found: "'\(key)' more than once"))
                    return nil
                }
                text = marked
            } catch let error as YamlError {
                diagnostics.report(syntaxError(error, in: text, file: diagnostics.file))
                return nil
            } catch {
                diagnostics.report(
                    ScenarioError(.yamlSyntax, at: .wholeFile(diagnostics.file), found: String(describing: error)))
                return nil
            }
        }
        return nil
    }

    /// Words a Yams error, keeping libyaml's problem text and its line.
    private static func syntaxError(_ error: YamlError, in text: String, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var found = problem
            if let context, !context.text.isEmpty {
                found += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return ScenarioError(.yamlSyntax, at: location(mark, file), found: found)
        case .reader(let problem, let offset, let value, _):
            let at = offset.map { TextPosition.location(ofCharacterOffset: $0, in: text, file: file) }
            let character = value >= 0 ? " (character 0x\(hex(UInt32(value))))" : ""
            return ScenarioError(.yamlSyntax, at: at ?? .wholeFile(file), found: problem + character)
        default:
            return ScenarioError(.yamlSyntax, at: .wholeFile(file), found: error.description)
        }
    }

    /// At least two uppercase hex digits, e.g. `0F`.
    private static func hex(_ value: some BinaryInteger) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }

    /// The location of a Yams mark.
    static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}
