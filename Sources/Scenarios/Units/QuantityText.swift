/// A scalar split into its number and its unit: `12s` → (`12`, `s`), `0.5 ETH` → (`0.5`, `ETH`), `64` → (`64`, ``).
///
/// The split is purely lexical; each unit type decides which units it accepts and what the number may look like.
struct QuantityText: Sendable {
    /// The leading run of digits, `_` and `.` (may be empty).
    let number: Substring
    /// Everything after the number and any spaces between them.
    let unit: Substring
    /// Whether the text starts with a minus sign, so messages can say "negative" rather than "not a number".
    let isNegative: Bool

    /// Splits `text`, ignoring spaces and tabs around it.
    init(_ text: String) {
        var rest = Substring(text).trimmingSpaces()
        isNegative = rest.first == "-"
        if isNegative { rest = rest.dropFirst() }
        let numberEnd = rest.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "_" || $0 == ".")) } ?? rest.endIndex
        number = rest[..<numberEnd]
        unit = rest[numberEnd...].trimmingSpaces()
    }

    /// The parsed number, or `nil` when the number part is missing or malformed.
    var literal: DecimalLiteral? { DecimalLiteral(number) }
}
