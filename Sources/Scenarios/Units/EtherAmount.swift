/// An amount of ETH in integer gwei (10⁻⁹ ETH), written with a unit: `2 ETH`, `0.5 ETH`, `1 gwei`,
/// `1000000000 wei`.
///
/// Gwei is the protocol's unit of balances, so an amount that is not a whole number of gwei (`1 wei`,
/// `0.0000000001 ETH`) is an error rather than silently rounded. `UInt64` gwei holds up to about 1.8 × 10¹⁰ ETH.
package struct EtherAmount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Gwei in one ETH.
    package static let gweiPerETH: UInt64 = 1_000_000_000

    /// The amount in gwei.
    package var gwei: UInt64

    /// Creates an amount of `gwei` gwei.
    package init(gwei: UInt64) { self.gwei = gwei }

    /// Creates an amount of whole ETH. Traps on overflow, so use it only with constants.
    package init(eth: UInt64) { self.gwei = eth * Self.gweiPerETH }

    /// Orders amounts by size.
    package static func < (lhs: EtherAmount, rhs: EtherAmount) -> Bool { lhs.gwei < rhs.gwei }

    /// The canonical spelling, e.g. `0.5 ETH`.
    package var description: String { canonicalText }
}

extension EtherAmount: ScenarioScalar {
    static var expectation: String { "an amount with a unit (e.g. 2 ETH, 1 gwei)" }

    static func parse(_ text: String) -> Result<EtherAmount, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(.negative("a non-negative amount (e.g. 2 ETH)")) }
        guard let literal = quantity.literal else { return .failure(ValueProblem(expected: expectation)) }
        let conversion: DecimalLiteral.Conversion
        switch quantity.unit.lowercased() {
        case "eth", "ether": conversion = literal.converted(numerator: UInt128(gweiPerETH))
        case "gwei": conversion = literal.converted(numerator: 1)
        case "wei": conversion = literal.converted(numerator: 1, denominator: UInt128(gweiPerETH))
        default: return .failure(.unit(quantity, expected: expectation, units: "ETH, gwei or wei, e.g. 2 ETH"))
        }
        return
            conversion
            .value(inexact: "a whole number of gwei (1 gwei = 10⁻⁹ ETH)", tooLarge: "an amount below 18 billion ETH")
            .map(EtherAmount.init(gwei:))
    }

    /// Whole ETH as `N ETH`; amounts of at least 0.001 ETH as decimal ETH; smaller ones in gwei.
    var canonicalText: String {
        let whole = gwei / Self.gweiPerETH
        let fraction = gwei % Self.gweiPerETH
        if fraction == 0 && gwei > 0 { return "\(whole) ETH" }
        guard gwei >= 1_000_000 else { return "\(gwei) gwei" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(whole).\(digits) ETH"
    }
}
