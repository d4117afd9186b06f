/// A non-negative plain number with up to six decimal places, such as a Zipf exponent (`1.2`) or a mean arrival
/// rate (`0.5`), held exactly in millionths.
///
/// Used where a quantity has no unit but need not be whole. Keeping it as an integer makes the canonical rendering
/// exact; the simulator converts it once with ``doubleValue``.
package struct FixedDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Millionths in one.
    package static let scale: UInt64 = 1_000_000

    /// The value in millionths.
    package var millionths: UInt64

    /// Creates the value `millionths` ÷ 10⁶.
    package init(millionths: UInt64) { self.millionths = millionths }

    /// Creates a whole number. Traps on overflow, so use it only with constants.
    package init(_ whole: UInt64) { self.millionths = whole * Self.scale }

    /// The value as a `Double`.
    package var doubleValue: Double { Double(millionths) / Double(Self.scale) }

    /// Orders values.
    package static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { lhs.millionths < rhs.millionths }

    /// The canonical spelling, e.g. `1.2`.
    package var description: String { canonicalText }
}

extension FixedDecimal: ScenarioScalar {
    static var expectation: String { "a non-negative number with no unit (e.g. 1.2)" }

    static func parse(_ text: String) -> Result<FixedDecimal, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(.negative("a non-negative number (e.g. 1.2)")) }
        guard let literal = quantity.literal, quantity.unit.isEmpty else {
            return .failure(ValueProblem(expected: expectation))
        }
        return literal.converted(numerator: UInt128(scale))
            .value(inexact: "a number with at most 6 decimal places", tooLarge: "a number below 18 trillion")
            .map(FixedDecimal.init(millionths:))
    }

    var canonicalText: String {
        let whole = millionths / Self.scale
        var digits = String(millionths % Self.scale)
        guard digits != "0" else { return "\(whole)" }
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
