/// A fraction from 0 to 1, written as a decimal (`0.2`) or a percentage (`20%`), held exactly in parts per billion.
///
/// Stored as an integer so that the canonical rendering (always a percentage) re-parses to the same value; nine
/// decimal places are far finer than any rate a simulation can resolve.
package struct Fraction: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Parts per billion in the whole.
    package static let billion: UInt32 = 1_000_000_000

    /// The fraction in parts per billion, `0...1_000_000_000`.
    package let partsPerBillion: UInt32

    /// Creates a fraction of `partsPerBillion` ÷ 10⁹, or `nil` above 1.
    package init?(partsPerBillion: UInt32) {
        guard partsPerBillion <= Self.billion else { return nil }
        self.partsPerBillion = partsPerBillion
    }

    /// Creates a fraction of whole percent; `percent` must be at most 100 (checked by a precondition, so use it
    /// only with constants).
    package init(percent: UInt32) {
        precondition(percent <= 100, "a fraction is at most 100%")
        self.partsPerBillion = percent * 10_000_000
    }

    /// Zero.
    package static let zero = Fraction(percent: 0)

    /// The fraction as a `Double` in `0...1`, for use in probability draws.
    package var doubleValue: Double { Double(partsPerBillion) / Double(Self.billion) }

    /// Orders fractions.
    package static func < (lhs: Fraction, rhs: Fraction) -> Bool { lhs.partsPerBillion < rhs.partsPerBillion }

    /// The canonical spelling, e.g. `20%`.
    package var description: String { canonicalText }
}

extension Fraction: ScenarioScalar {
    static var expectation: String { "a fraction from 0 to 1 (e.g. 0.2 or 20%)" }

    static func parse(_ text: String) -> Result<Fraction, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(ValueProblem(expected: expectation)) }
        guard let literal = quantity.literal, quantity.unit.isEmpty || quantity.unit == "%" else {
            return .failure(ValueProblem(expected: expectation))
        }
        let perUnit: UInt128 = quantity.unit == "%" ? 10_000_000 : UInt128(billion)
        switch literal.converted(numerator: perUnit) {
        case .value(let ppb) where ppb <= UInt64(billion):
            return .success(Fraction(exactly: UInt32(truncatingIfNeeded: ppb)))
        case .value, .tooLarge:
            return .failure(ValueProblem(expected: expectation))
        case .inexact:
            return .failure(ValueProblem(expected: "a fraction with at most 9 decimal places (7 for a percentage)"))
        }
    }

    var canonicalText: String {
        let whole = partsPerBillion / 10_000_000
        var digits = String(partsPerBillion % 10_000_000)
        guard digits != "0" else { return "\(whole)%" }
        digits = String(repeating: "0", count: 7 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(whole).\(digits)%"
    }

    /// For values already checked to be at most one billion.
    private init(exactly partsPerBillion: UInt32) { self.partsPerBillion = partsPerBillion }
}
