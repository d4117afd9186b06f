/// A size in bytes, written with a unit: `B`, `kB` (1000), `KiB` (1024), `MB`, `MiB`, `GB`, `GiB`.
///
/// `KB` is read as 1000 bytes like `kB`. The canonical spelling uses the largest binary unit that divides evenly,
/// then the largest decimal one, so `512 KiB` and `512 kB` both survive a round trip.
package struct ByteCount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The size in bytes.
    package var bytes: UInt64

    /// Creates a size of `bytes` bytes.
    package init(bytes: UInt64) { self.bytes = bytes }

    /// Orders sizes.
    package static func < (lhs: ByteCount, rhs: ByteCount) -> Bool { lhs.bytes < rhs.bytes }

    /// The canonical spelling, e.g. `512 KiB`.
    package var description: String { canonicalText }

    private static let units: [String: UInt64] = [
        "B": 1, "kB": 1_000, "KB": 1_000, "KiB": 1 << 10, "MB": 1_000_000, "MiB": 1 << 20,
        "GB": 1_000_000_000, "GiB": 1 << 30,
    ]

    /// Units tried for the canonical spelling, in order of preference.
    private static let renderingUnits: [(name: String, bytes: UInt64)] = [
        ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("GB", 1_000_000_000), ("MB", 1_000_000),
        ("kB", 1_000),
    ]
}

extension ByteCount: ScenarioScalar {
    static var expectation: String { "a size with a unit (e.g. 512 KiB, 1 MB)" }

    static func parse(_ text: String) -> Result<ByteCount, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(.negative("a non-negative size (e.g. 512 KiB)")) }
        guard let literal = quantity.literal, let perUnit = units[String(quantity.unit)] else {
            return .failure(.unit(quantity, expected: expectation, units: "B, kB, KiB, MB, MiB, GB or GiB"))
        }
        return literal.converted(numerator: UInt128(perUnit))
            .value(inexact: "a whole number of bytes", tooLarge: "a size below 16 EiB")
            .map(ByteCount.init(bytes:))
    }

    var canonicalText: String {
        guard bytes > 0 else { return "0 B" }
        for unit in Self.renderingUnits where bytes % unit.bytes == 0 {
            return "\(bytes / unit.bytes) \(unit.name)"
        }
        return "\(bytes) B"
    }
}
