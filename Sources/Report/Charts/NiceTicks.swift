import Foundation

/// Round tick values for an axis: steps of 1, 2 or 5 times a power of ten covering a range.
public struct NiceTicks: Sendable, Equatable {
    /// The axis range, widened to whole steps.
    public let lower: Double
    public let upper: Double
    /// The distance between ticks.
    public let step: Double

    /// About `count` ticks covering `minimum … maximum`. An empty range is widened by one unit around the value.
    public init(minimum: Double, maximum: Double, count: Int = 5) {
        var low = minimum, high = maximum
        if !(low.isFinite && high.isFinite) { low = 0; high = 1 }
        if high <= low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let raw = (high - low) / Double(max(1, count))
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        step = nice * power
        lower = floor(low / step) * step
        upper = ceil(high / step) * step
    }

    /// The tick values from `lower` to `upper`.
    public var values: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(0, count)).map { lower + Double($0) * step }
    }

    /// A tick's label, with no more decimals than the step needs.
    public func label(_ value: Double) -> String {
        let decimals = max(0, -Int(floor(log10(step))))
        let shown = abs(value) < step / 2 ? 0 : value
        if decimals == 0, abs(shown) >= 1e6 { return String(format: "%.3g", shown) }
        return String(format: "%.\(decimals)f", shown)
    }
}
