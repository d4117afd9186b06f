import Foundation

/// Reads the time spans of a resolved scenario (`12s`, `4m`, `250ms`, `1h`, `500us`) as seconds.
enum DurationText {
    /// Seconds in `text`, or `nil` when it is not a number followed by h, m, min, s, ms, us or µs.
    static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let scale: Double? =
            switch unit {
            case "h": 3600
            case "m", "min": 60
            case "s": 1
            case "ms": 1e-3
            case "us", "µs", "μs": 1e-6
            default: nil
            }
        return scale.map { number * $0 }
    }
}
