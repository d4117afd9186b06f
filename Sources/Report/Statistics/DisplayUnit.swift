import Foundation

/// The unit a quantity is shown in: a figure's own unit scaled to read well (ETH rather than 10⁹ gwei, kB rather
/// than 10⁴ bytes, ms rather than 10³ µs), and the factor that converts values into it.
public struct DisplayUnit: Sendable, Equatable {
    /// The unit as printed, e.g. `ETH`, `MB`, `Mgas`.
    public let name: String
    /// Multiply a value in the original unit by this to get it in ``name``.
    public let factor: Double

    public init(name: String, factor: Double) {
        self.name = name
        self.factor = factor
    }

    /// The unit itself, unscaled.
    public static func unscaled(_ unit: String) -> DisplayUnit { DisplayUnit(name: unit, factor: 1) }

    /// The best unit for values in `unit` whose largest magnitude is `magnitude`: the largest of the unit's scaled
    /// forms in which that magnitude is at least 1 (at least 0.1 for ETH, so 0.5 ETH is not 500,000,000 gwei).
    /// Units we do not know are returned unscaled; their tick labels use SI suffixes instead.
    public static func choose(for unit: String, magnitude: Double) -> DisplayUnit {
        let ladder: [(name: String, size: Double)]
        switch unit {
        case "gwei": ladder = [("gwei", 1), ("ETH", 1e9)]
        case "bytes", "B": ladder = [(unit, 1), ("kB", 1e3), ("MB", 1e6), ("GB", 1e9)]
        case "gas": ladder = [("gas", 1), ("kgas", 1e3), ("Mgas", 1e6), ("Ggas", 1e9)]
        case "µs", "us", "µs simulated": ladder = [("µs", 1), ("ms", 1e3), ("s", 1e6)]
        case "ms": ladder = [("ms", 1), ("s", 1e3)]
        default: return unscaled(unit)
        }
        var best = ladder[0]
        for step in ladder.dropFirst()
        where magnitude.isFinite && magnitude >= step.size * (step.name == "ETH" ? 0.1 : 1) {
            best = step
        }
        return DisplayUnit(name: best.name, factor: 1 / best.size)
    }

    /// A unit as a column-name suffix: `ETH` → `eth`, `µs` → `us`, `transactions/s` → `transactions_per_s`.
    public static func suffix(_ unit: String) -> String {
        var out = ""
        for char in unit.lowercased() {
            switch char {
            case "µ", "μ": out += "u"
            case "/": out += "_per_"
            case "%": out += "pct"
            case " ", "-", ".": out += "_"
            default: if char.isLetter || char.isNumber { out.append(char) }
            }
        }
        return out.isEmpty ? "value" : out
    }
}
