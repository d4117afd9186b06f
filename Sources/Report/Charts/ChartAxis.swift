/// What an axis shows: its label (the quantity and its unit), its scale, and optionally a fixed range or names for
/// categorical positions.
public struct ChartAxis: Sendable, Equatable {
    /// How values map to positions.
    public enum Scale: Sendable, Equatable {
        case linear
        /// Base-10 logarithmic; only for positive values (others are left out of the drawing).
        case logarithmic
    }

    /// The quantity, e.g. `latency`.
    public var quantity: String
    /// The unit, e.g. `s`; empty for a category axis. Shown in parentheses after the quantity.
    public var unit: String
    public var scale: Scale
    /// Fixes the range, e.g. `0...1` for a share.
    public var range: ClosedRange<Double>?
    /// Whether a linear range always reaches 0 (counts, sizes), so differences are not exaggerated.
    public var includesZero: Bool
    /// Names of the positions 0, 1, 2, … for a categorical axis (e.g. models); `nil` for a numeric axis.
    public var categories: [String]?

    public init(
        _ quantity: String, unit: String, scale: Scale = .linear, range: ClosedRange<Double>? = nil,
        includesZero: Bool = false, categories: [String]? = nil
    ) {
        self.quantity = quantity
        self.unit = unit
        self.scale = scale
        self.range = range
        self.includesZero = includesZero
        self.categories = categories
    }

    /// The label drawn beside the axis: `quantity (unit)`.
    public var label: String { unit.isEmpty ? quantity : "\(quantity) (\(unit))" }

    /// Logarithmic when the positive values span at least `ratio` (a factor of 10 by default), else linear.
    public static func scale(for values: [Double], ratio: Double = 10) -> Scale {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max(), positive.count == values.count else {
            return .linear
        }
        return high / low >= ratio ? .logarithmic : .linear
    }
}
