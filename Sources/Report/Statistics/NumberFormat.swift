import Foundation

/// How reports print numbers: about four significant digits, thousands grouped, never scientific notation for
/// everyday sizes; intervals rounded to two significant digits and the mean to the same decimal place.
public enum NumberFormat {
    /// `value` with about four significant digits, e.g. `1,234`, `12.35`, `0.001235`.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        if value == value.rounded(), magnitude < 1e15 { return grouped(String(Int64(value))) }
        if magnitude >= 1000 { return grouped(String(format: "%.0f", value)) }
        if magnitude >= 1e-4 { return String(format: "%.4g", value) }
        return String(format: "%.3e", value)
    }

    /// `value` with `decimals` decimals, thousands grouped.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        grouped(String(format: "%.\(max(0, decimals))f", value == 0 ? 0 : value))
    }

    /// A cell for an estimate in `unit` (values are scaled by its factor):
    /// - 3 or more seeds: `mean ± half-width (n=k)`, the half-width to 2 significant digits;
    /// - the same value in every seed: `value (n=k, all equal)`;
    /// - 2 seeds: both values, `a, b (n=2)` — a t-interval from 2 seeds says nothing;
    /// - 1 seed: `value (n=1)`.
    public static func estimate(_ estimate: Estimate, unit: DisplayUnit = .unscaled("")) -> String {
        let n = estimate.count
        let scaled = estimate.values.map { $0 * unit.factor }
        let mean = estimate.mean * unit.factor
        if n > 1, estimate.isConstant { return "\(short(scaled[0])) (n=\(n), all equal)" }
        guard let half = estimate.halfWidth.map({ $0 * unit.factor }), half > 0, half.isFinite, mean.isFinite else {
            return scaled.map(short).joined(separator: ", ") + " (n=\(n))"
        }
        let decimals = max(0, 1 - Int(floor(log10(half))))
        return "\(fixed(mean, decimals: decimals)) ± \(fixed(half, decimals: decimals)) (n=\(n))"
    }

    /// `1234567` as `1,234,567` (the integer part only; a sign and decimals are kept).
    static func grouped(_ text: String) -> String {
        var sign = ""
        var rest = Substring(text)
        if rest.hasPrefix("-") {
            sign = "-"
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        guard integer.count > 4, integer.allSatisfy(\.isNumber) else { return text }
        var out = ""
        while integer.count > 3 {
            out = "," + integer.suffix(3) + out
            integer.removeLast(3)
        }
        return sign + integer + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}
