/// A length of simulated time in integer microseconds, written with a unit: `500us` (or `500µs`), `250ms`, `12s`,
/// `10m`, `1h`.
///
/// Named `TimeSpan` rather than `Duration` so that it never shadows the standard library's `Duration`, which
/// measures wall-clock time. Fractions are fine as long as the result is a whole number of microseconds: `1.5s` is
/// 1,500,000 µs, `0.5us` is an error.
package struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in microseconds.
    package var micros: UInt64

    /// Creates a span of `micros` microseconds.
    package init(micros: UInt64) { self.micros = micros }

    /// Creates a span of whole seconds. Traps on overflow, so use it only with constants.
    package init(seconds: UInt64) { self.micros = seconds * 1_000_000 }

    /// Orders spans by length.
    package static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.micros < rhs.micros }

    /// The canonical spelling, e.g. `12s`.
    package var description: String { canonicalText }

    /// Microseconds per unit, largest first; the canonical spelling uses the largest unit that divides evenly.
    static let units: [(name: String, micros: UInt64)] = [
        ("h", 3_600_000_000), ("m", 60_000_000), ("s", 1_000_000), ("ms", 1_000), ("us", 1),
    ]

    /// Accepted spellings of each unit. `µs` is the micro sign (U+00B5) and `μs` the Greek mu (U+03BC): keyboards
    /// produce either.
    private static let aliases: [String: UInt64] = [
        "h": 3_600_000_000, "m": 60_000_000, "min": 60_000_000, "s": 1_000_000, "ms": 1_000,
        "us": 1, "\u{B5}s": 1, "\u{3BC}s": 1,
    ]
}

extension TimeSpan: ScenarioScalar {
    static var expectation: String { "a duration with a unit (e.g. 12s, 250ms)" }

    static func parse(_ text: String) -> Result<TimeSpan, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(.negative("a non-negative duration (e.g. 12s)")) }
        guard let literal = quantity.literal, let perUnit = aliases[String(quantity.unit)] else {
            return .failure(.unit(quantity, expected: expectation, units: "us, ms, s, m or h, e.g. 12s, 250ms"))
        }
        return literal.converted(numerator: UInt128(perUnit))
            .value(inexact: "a whole number of microseconds", tooLarge: "a duration below about 584,000 years")
            .map(TimeSpan.init(micros:))
    }

    var canonicalText: String {
        guard micros > 0 else { return "0s" }
        for unit in Self.units where micros % unit.micros == 0 {
            return "\(micros / unit.micros)\(unit.name)"
        }
        return "\(micros)us"
    }
}
