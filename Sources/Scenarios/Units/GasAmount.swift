/// An amount of gas, written as an integer with an optional `gas` suffix: `30000000 gas`, `30_000_000`.
///
/// The suffix is optional because gas has no other unit to confuse it with; the canonical spelling always has it.
package struct GasAmount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount of gas.
    package var gas: UInt64

    /// Creates an amount of `gas` gas.
    package init(_ gas: UInt64) { self.gas = gas }

    /// Orders amounts.
    package static func < (lhs: GasAmount, rhs: GasAmount) -> Bool { lhs.gas < rhs.gas }

    /// The canonical spelling, e.g. `30000000 gas`.
    package var description: String { canonicalText }
}

extension GasAmount: ScenarioScalar {
    static var expectation: String { "an amount of gas (e.g. 30000000 gas)" }

    static func parse(_ text: String) -> Result<GasAmount, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(.negative("a non-negative amount of gas")) }
        guard let literal = quantity.literal, quantity.unit.isEmpty || quantity.unit.lowercased() == "gas" else {
            return .failure(ValueProblem(expected: expectation))
        }
        return literal.converted(numerator: 1)
            .value(inexact: "a whole amount of gas", tooLarge: "an amount of gas below 2⁶⁴")
            .map(GasAmount.init)
    }

    var canonicalText: String { "\(gas) gas" }
}
