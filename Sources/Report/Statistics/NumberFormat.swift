import Foundation

/// How reports print numbers: enough digits to compare runs, never scientific notation for everyday sizes.
public enum NumberFormat {
    /// `value` with about four significant digits, e.g. `1234`, `12.35`, `0.001235`.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1000 { return String(format: "%.0f", value) }
        if magnitude >= 1 { return String(format: "%.4g", value) }
        if magnitude >= 1e-4 { return String(format: "%.4g", value) }
        return String(format: "%.3e", value)
    }

    /// `mean ± half-width`, or the mean alone for one seed.
    public static func estimate(_ estimate: Estimate) -> String {
        guard let half = estimate.halfWidth else { return short(estimate.mean) }
        return "\(short(estimate.mean)) ± \(short(half))"
    }
}
