import Foundation

/// Round tick values for a linear axis: steps of 1, 2 or 5 times a power of ten covering a range.
public struct NiceTicks: Sendable, Equatable {
    /// The axis range, widened to whole steps.
    public let lower: Double
    public let upper: Double
    /// The distance between ticks.
    public let step: Double

    /// About `count` ticks covering `minimum … maximum`. An empty range is widened by one unit around the value.
    public init(minimum: Double, maximum: Double, count: Int = 5) {
        var low = minimum
        var high = maximum
        if !(low.isFinite && high.isFinite && (high - low).isFinite) {
            low = 0
            high = 1
        }
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
        lower = floor(low / step + 1e-9) * step
        upper = ceil(high / step - 1e-9) * step
    }

    /// The tick values from `lower` to `upper`.
    public var values: [Double] {
        let steps = ((upper - lower) / step).rounded()
        let count = steps.isFinite ? Int(min(max(steps, 0), 1000)) : 0
        return (0...count).map { lower + Double($0) * step }
    }

    /// A tick's label: SI-suffixed (`1.5M`, `250k`) from 10,000 up, else with no more decimals than the step needs.
    public func label(_ value: Double) -> String {
        TickFormat.label(abs(value) < step / 2 ? 0 : value, step: step, axisMagnitude: max(abs(lower), abs(upper)))
    }
}

/// Tick values for a logarithmic axis: 1, 2 and 5 times each power of ten in the range (only the powers when the
/// range spans more than three decades).
public struct LogTicks: Sendable, Equatable {
    /// The axis range: the marks just outside the data.
    public let lower: Double
    public let upper: Double
    public let values: [Double]

    /// Ticks covering the positive range `minimum … maximum`.
    public init(minimum: Double, maximum: Double) {
        let low = minimum > 0 && minimum.isFinite ? minimum : 1
        let high = maximum > low && maximum.isFinite ? maximum : low * 10
        let firstDecade = floor(log10(low))
        let lastDecade = ceil(log10(high))
        let marks: [Double] = lastDecade - firstDecade > 3 ? [1] : [1, 2, 5]
        var candidates: [Double] = []
        var decade = firstDecade
        while decade <= lastDecade {
            for mark in marks { candidates.append(mark * pow(10, decade)) }
            decade += 1
        }
        // The range: the last mark at or below the data and the first at or above it.
        let lower = candidates.last { $0 <= low * (1 + 1e-9) } ?? candidates[0]
        let upper = candidates.first { $0 >= high * (1 - 1e-9) } ?? candidates[candidates.count - 1]
        self.lower = lower
        self.upper = upper
        values = candidates.filter { $0 >= lower * (1 - 1e-9) && $0 <= upper * (1 + 1e-9) }
    }

    /// A tick's label (SI-suffixed from 10,000 up).
    public func label(_ value: Double) -> String { TickFormat.label(value, step: value, axisMagnitude: value) }
}

/// How tick labels print numbers: never scientific notation; on an axis reaching 10,000 or more, one SI suffix
/// (k, M, G, T) for the whole axis, the largest that keeps its largest tick at least 1 (`0`, `0.5M`, `1M`, `1.5M`).
enum TickFormat {
    static func label(_ value: Double, step: Double, axisMagnitude: Double) -> String {
        if value == 0 { return "0" }
        if axisMagnitude >= 1e4 {
            for (suffix, scale) in [("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3)] where axisMagnitude >= scale {
                return plain(value / scale, step: step / scale) + suffix
            }
        }
        return plain(value, step: step)
    }

    /// `value` with as many decimals as `step` needs (at most 6), without a trailing `.0`.
    static func plain(_ value: Double, step: Double) -> String {
        let decimals = step > 0 ? min(6, max(0, -Int(floor(log10(step) + 1e-9)))) : 0
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
