internal import Yams

/// Tags a duplicated key in the text so that Yams accepts the file and the schema walker can report the duplicate
/// with its field path.
///
/// Yams rejects a mapping with a repeated key and names only the key and its first position. To keep checking the
/// rest of the file, the repeated occurrence (found by indentation in block style) or else the first one gets
/// ``suffix`` appended; ``MappingReader`` recognises the suffix and reports a `duplicateKey` error there.
enum DuplicateKeyMarker {
    /// Appended to a duplicated key: two private-use characters that no real key contains.
    static let suffix = "\u{E000}\u{E001}"

    /// The text with one occurrence of `key` tagged, or `nil` when the key cannot be located safely (then the
    /// caller reports the duplicate at Yams' position and stops).
    static func mark(key: String, firstAt mark: Mark, in text: String) -> String? {
        guard !key.isEmpty, !key.contains(suffix) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstLine = mark.line - 1
        let column = mark.column - 1
        guard lines.indices.contains(firstLine) else { return nil }

        let target = repeatedLine(of: key, indent: column, after: firstLine, in: lines) ?? firstLine
        guard let tagged = tag(key: key, atColumn: column, in: lines[target]) else { return nil }
        lines[target] = tagged
        return lines.joined(separator: "\n")
    }

    /// The next line of the same block mapping that starts with `key:` at the same indentation.
    private static func repeatedLine(of key: String, indent: Int, after first: Int, in lines: [String]) -> Int? {
        var index = first + 1
        while index < lines.count {
            let line = lines[index]
            let scalars = Array(line.unicodeScalars)
            let leading = scalars.prefix { $0 == " " }.count
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(leading)))
            let isBlank = rest.isEmpty || rest.hasPrefix("#")
            if !isBlank {
                // A shallower line ends the mapping; a deeper one belongs to a nested value.
                if leading < indent { return nil }
                if leading == indent && tag(key: key, atColumn: indent, in: line) != nil { return index }
            }
            index += 1
        }
        return nil
    }

    /// `line` with the suffix inserted after `key` at `column` (in Unicode scalars), if the key is there, plain or
    /// quoted, followed by optional spaces and a colon.
    private static func tag(key: String, atColumn column: Int, in line: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard column <= scalars.count else { return nil }
        let head = scalars[..<column]
        let rest = scalars[column...]
        for quote in ["", "\"", "'"] {
            let spelled = Array((quote + key + quote).unicodeScalars)
            guard rest.starts(with: spelled) else { continue }
            let afterKey = rest.dropFirst(spelled.count)
            guard afterKey.drop(while: { $0 == " " }).first == ":" else { continue }
            let keyEnd = spelled.count - quote.unicodeScalars.count
            let marked = Array(spelled[..<keyEnd]) + Array(suffix.unicodeScalars) + Array(spelled[keyEnd...])
            var view = String.UnicodeScalarView()
            view.append(contentsOf: head)
            view.append(contentsOf: marked)
            view.append(contentsOf: afterKey)
            return String(view)
        }
        return nil
    }
}
