/// A value read from one YAML scalar, with one canonical spelling.
///
/// Every field of a scenario is a `ScenarioScalar`, so the same code reads a field, a sweep value and a re-parsed
/// canonical rendering. `parse(canonicalText)` must give back the same value: the round-trip tests depend on it.
protocol ScenarioScalar: Hashable, Sendable {
    /// What a valid value looks like, phrased to follow "expected", e.g. "a duration with a unit (e.g. 12s, 250ms)".
    static var expectation: String { get }
    /// Whether the canonical rendering is a quoted string (free text) rather than a plain scalar.
    static var rendersQuoted: Bool { get }
    /// Reads a value from a scalar's text, trimmed of surrounding spaces.
    static func parse(_ text: String) -> Result<Self, ValueProblem>
    /// The spelling used in the canonical rendering.
    var canonicalText: String { get }
}

extension ScenarioScalar {
    static var rendersQuoted: Bool { false }
}

/// Reads an unsigned integer count with no unit, such as a shard count.
///
/// Shared by `Int` and `UInt64` so that "negative", "has a unit" and "too large" are worded the same everywhere.
private func parseCount(_ text: String, maximum: UInt64, expectation: String) -> Result<UInt64, ValueProblem> {
    let quantity = QuantityText(text)
    if quantity.isNegative { return .failure(.negative("a non-negative integer")) }
    guard quantity.unit.isEmpty, let literal = quantity.literal else {
        return .failure(ValueProblem(expected: expectation))
    }
    switch literal.converted(numerator: 1) {
    case .value(let value) where value <= maximum: return .success(value)
    case .value, .tooLarge:
        return .failure(ValueProblem(expected: "an integer at most \(maximum)", outOfRange: .tooLarge))
    case .inexact: return .failure(ValueProblem(expected: "a whole number (\(expectation))"))
    }
}

extension Int: ScenarioScalar {
    static var expectation: String { "an integer with no unit (e.g. 64)" }

    static func parse(_ text: String) -> Result<Int, ValueProblem> {
        // `Int(exactly:)` cannot fail here: the maximum passed is Int.max.
        parseCount(text, maximum: UInt64(Int.max), expectation: expectation).map { Int(exactly: $0) ?? Int.max }
    }

    var canonicalText: String { String(self) }
}

extension UInt64: ScenarioScalar {
    static var expectation: String { "an integer with no unit (e.g. 42)" }

    static func parse(_ text: String) -> Result<UInt64, ValueProblem> {
        parseCount(text, maximum: UInt64.max, expectation: expectation)
    }

    var canonicalText: String { String(self) }
}

extension String: ScenarioScalar {
    static var expectation: String { "text" }
    static var rendersQuoted: Bool { true }
    static func parse(_ text: String) -> Result<String, ValueProblem> { .success(text) }
    var canonicalText: String { self }
}
