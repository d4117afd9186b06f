/// Spells scalars for the canonical YAML: plain when that is unambiguous, double-quoted otherwise.
enum YAMLText {
    /// `text` as a YAML scalar; always double-quoted when `quoted` (free text such as names and descriptions).
    static func scalar(_ text: String, quoted: Bool) -> String {
        quoted || !isPlainSafe(text) ? doubleQuoted(text) : text
    }

    /// `text` in double quotes, with `"`, `\` and every non-printable character escaped.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Control characters, line and paragraph separators, the byte-order mark and non-characters: none of these
    /// may appear raw in a quoted YAML scalar, or they would change on a round trip.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Whether `text` reads back as the same string when written plain: a conservative character set, no leading
    /// indicator, no `: ` or ` #`, and not a word YAML would turn into a boolean or null.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "%", "/", "+", ":", "-", " ": true
            default: false
            }
        }
        let specialWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        return allowed && !"-:%. ".unicodeScalars.contains(first) && last != " " && last != ":"
            && !text.contains(": ") && !specialWords.contains(text.lowercased())
    }
}
