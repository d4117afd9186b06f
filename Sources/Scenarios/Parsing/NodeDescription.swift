internal import Yams

/// Describes a node for the "found …" half of a message: a scalar's text in quotes, or the node's kind.
enum NodeDescription {
    /// The longest scalar text quoted in a message; longer text is cut with `…`.
    static let maximumQuotedLength = 60

    /// E.g. `'12'`, `nothing`, `a list`, `a mapping`.
    static func found(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.isNull ? "nothing" : quoted(scalar.string)
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// `text` in single quotes, control characters escaped and long text shortened, so a message stays on one
    /// line whatever the input.
    static func quoted(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == maximumQuotedLength {
                out += "…"
                break
            }
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return "'\(out)'"
    }
}
