/// A link rate in bits per second, written with a unit: `bit/s`, `kbit/s` (1000), `Mbit/s`, `Gbit/s`.
///
/// Network rates are decimal by convention, so there are no binary units; `bps`, `kbps`, `Mbps` and `Gbps` are read
/// too. The canonical spelling uses the largest unit that divides evenly, e.g. `25 Mbit/s`.
package struct Bandwidth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The rate in bits per second.
    package var bitsPerSecond: UInt64

    /// Creates a rate of `bitsPerSecond` bits per second.
    package init(bitsPerSecond: UInt64) { self.bitsPerSecond = bitsPerSecond }

    /// Creates a rate of whole megabits per second. Traps on overflow, so use it only with constants.
    package init(megabitsPerSecond: UInt64) { self.bitsPerSecond = megabitsPerSecond * 1_000_000 }

    /// Orders rates.
    package static func < (lhs: Bandwidth, rhs: Bandwidth) -> Bool { lhs.bitsPerSecond < rhs.bitsPerSecond }

    /// The canonical spelling, e.g. `25 Mbit/s`.
    package var description: String { canonicalText }

    private static let units: [String: UInt64] = [
        "bit/s": 1, "bps": 1, "kbit/s": 1_000, "Kbit/s": 1_000, "kbps": 1_000, "Mbit/s": 1_000_000,
        "Mbps": 1_000_000, "Gbit/s": 1_000_000_000, "Gbps": 1_000_000_000,
    ]

    private static let renderingUnits: [(name: String, bits: UInt64)] = [
        ("Gbit/s", 1_000_000_000), ("Mbit/s", 1_000_000), ("kbit/s", 1_000),
    ]
}

extension Bandwidth: ScenarioScalar {
    static var expectation: String { "a bandwidth with a unit (e.g. 25 Mbit/s, 1 Gbit/s)" }

    static func parse(_ text: String) -> Result<Bandwidth, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(.negative("a non-negative bandwidth (e.g. 25 Mbit/s)")) }
        guard let literal = quantity.literal, let perUnit = units[String(quantity.unit)] else {
            return .failure(.unit(quantity, expected: expectation, units: "bit/s, kbit/s, Mbit/s or Gbit/s"))
        }
        return literal.converted(numerator: UInt128(perUnit))
            .value(inexact: "a whole number of bits per second", tooLarge: "a bandwidth below 18 Ebit/s")
            .map(Bandwidth.init(bitsPerSecond:))
    }

    var canonicalText: String {
        guard bitsPerSecond > 0 else { return "0 bit/s" }
        for unit in Self.renderingUnits where bitsPerSecond % unit.bits == 0 {
            return "\(bitsPerSecond / unit.bits) \(unit.name)"
        }
        return "\(bitsPerSecond) bit/s"
    }
}
