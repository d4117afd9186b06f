/// Why a scalar could not become a value: what the field expected, and optionally a better description of what
/// was found than the raw text.
struct ValueProblem: Error, Equatable, Sendable {
    /// What the field accepts, phrased to follow "expected", e.g. "a duration with a unit (e.g. 12s, 250ms)".
    var expected: String
    /// What was found, phrased to follow "found"; `nil` means the scalar's text, quoted.
    var found: String?
    /// Whether the value was well-formed but out of the type's range, so that a field with a narrower range can
    /// word the problem as its range ("an integer from 1 to 1024") rather than as the type's limit.
    var outOfRange: OutOfRange?

    /// Which end of the type's range a value fell off.
    enum OutOfRange: Equatable, Sendable {
        /// Negative where the type is unsigned.
        case negative
        /// Larger than the type holds.
        case tooLarge
    }

    init(expected: String, found: String? = nil, outOfRange: OutOfRange? = nil) {
        self.expected = expected
        self.found = found
        self.outOfRange = outOfRange
    }

    /// A negative value where only non-negative ones make sense.
    static func negative(_ expected: String) -> ValueProblem { ValueProblem(expected: expected, outOfRange: .negative) }

    /// A value missing its unit, or with one the type does not know: the message lists the units only in the
    /// second case, so a bare `12` gets the short "expected a duration with a unit (e.g. 12s, 250ms)".
    static func unit(_ quantity: QuantityText, expected: String, units: String) -> ValueProblem {
        ValueProblem(expected: quantity.unit.isEmpty ? expected : "\(expected.prefix { $0 != "(" })(\(units))")
    }
}

extension DecimalLiteral.Conversion {
    /// The value, or the problem phrased for a quantity: `inexact` and `tooLarge` become messages naming the unit.
    func value(inexact: String, tooLarge: String) -> Result<UInt64, ValueProblem> {
        switch self {
        case .value(let value): .success(value)
        case .inexact: .failure(ValueProblem(expected: inexact))
        case .tooLarge: .failure(ValueProblem(expected: tooLarge, outOfRange: .tooLarge))
        }
    }
}
