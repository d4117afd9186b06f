/// A range or other rule on a field's value, with the wording for a value that breaks it.
struct Constraint<Value>: Sendable {
    /// What a valid value looks like, e.g. "an integer from 1 to 1024".
    let expected: String
    /// Whether the rule has a maximum, so that its wording also fits a value too large for the type.
    var hasMaximum = false
    /// Whether `value` obeys the rule.
    let accepts: @Sendable (Value) -> Bool
}

extension Constraint where Value == Int {
    /// An integer in `range`.
    static func range(_ range: ClosedRange<Int>) -> Constraint {
        Constraint(expected: "an integer from \(range.lowerBound) to \(range.upperBound)", hasMaximum: true) {
            range.contains($0)
        }
    }
}

extension Constraint where Value: ScenarioScalar & Comparable {
    /// Greater than `zero`, worded "a positive `what` (e.g. `example`)".
    static func positive(_ what: String, zero: Value, example: String) -> Constraint {
        Constraint(expected: "a positive \(what) (e.g. \(example))") { $0 > zero }
    }

    /// At least `minimum`, worded with `what` (e.g. "a duration") and the minimum's canonical spelling.
    static func atLeast(_ minimum: Value, _ what: String) -> Constraint {
        Constraint(expected: "\(what) of at least \(minimum.canonicalText)") { $0 >= minimum }
    }

    /// At most `maximum`, worded with `what` (e.g. "a duration") and the maximum's canonical spelling.
    static func atMost(_ maximum: Value, _ what: String) -> Constraint {
        Constraint(expected: "\(what) of at most \(maximum.canonicalText)", hasMaximum: true) { $0 <= maximum }
    }

    /// Between `minimum` and `maximum` inclusive.
    static func between(_ minimum: Value, _ maximum: Value, _ what: String) -> Constraint {
        Constraint(expected: "\(what) from \(minimum.canonicalText) to \(maximum.canonicalText)", hasMaximum: true) {
            $0 >= minimum && $0 <= maximum
        }
    }
}
