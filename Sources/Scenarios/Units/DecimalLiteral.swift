/// An unsigned decimal literal such as `12`, `0.5` or `30_000_000`, parsed into digits so that unit conversions are
/// exact: no floating point ever touches a scenario value.
///
/// Underscores may group digits (`1_000_000`), as in YAML 1.1 and Swift. Signs, exponents (`1e9`), hex and a missing
/// integer part (`.5`) are not accepted: each would be one more way to write a number that a reader has to decode.
struct DecimalLiteral: Sendable {
    /// The significant digits as one integer, with ``fractionDigitCount`` of them after the decimal point.
    let mantissa: UInt128
    /// How many of the mantissa's digits are after the decimal point (trailing zeros already dropped).
    let fractionDigitCount: Int
    /// True when the literal had more significant digits than ``mantissa`` can hold.
    let isTooLong: Bool
    /// True when the integer part alone has more than 38 digits, so the value is astronomically large.
    let isIntegerPartHuge: Bool

    /// The outcome of converting a literal to an integer count of some unit.
    enum Conversion: Equatable, Sendable {
        /// The exact value.
        case value(UInt64)
        /// The value is not a whole number of the target unit (e.g. a fraction of a gwei).
        case inexact
        /// The value does not fit in 64 bits.
        case tooLarge
    }

    /// Parses `text`, or returns `nil` if it is not an unsigned decimal literal.
    init?(_ text: Substring) {
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var seenPoint = false
        var previousWasDigit = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                let digit = UInt8(scalar.value - 48)
                if seenPoint { fractionDigits.append(digit) } else { integerDigits.append(digit) }
                previousWasDigit = true
            case "_":
                // A separator must sit between digits: `1_000`, not `_1` or `1._5`.
                guard previousWasDigit else { return nil }
                previousWasDigit = false
            case ".":
                guard !seenPoint, previousWasDigit else { return nil }
                seenPoint = true
                previousWasDigit = false
            default:
                return nil
            }
        }
        guard previousWasDigit, !integerDigits.isEmpty else { return nil }

        while fractionDigits.last == 0 { fractionDigits.removeLast() }
        let integerSignificant = integerDigits.drop { $0 == 0 }
        var significant = Array(integerSignificant) + fractionDigits
        if integerSignificant.isEmpty { significant = Array(fractionDigits.drop { $0 == 0 }) }

        // 38 decimal digits always fit in a UInt128 (its maximum is about 3.4 × 10³⁸).
        self.isIntegerPartHuge = integerSignificant.count > 38
        self.isTooLong = significant.count > 38
        var mantissa: UInt128 = 0
        if !isTooLong {
            for digit in significant { mantissa = mantissa * 10 + UInt128(digit) }
        }
        self.mantissa = mantissa
        self.fractionDigitCount = fractionDigits.count
    }

    /// Whether the literal is exactly zero.
    var isZero: Bool { mantissa == 0 && !isTooLong }

    /// Converts to an integer count of a unit: the result is `literal × numerator ÷ denominator`, required to be a
    /// whole number.
    ///
    /// For example `0.5` ETH in gwei is `converted(numerator: 1_000_000_000, denominator: 1)`, and `1000000000` wei
    /// in gwei is `converted(numerator: 1, denominator: 1_000_000_000)`.
    func converted(numerator: UInt128, denominator: UInt128 = 1) -> Conversion {
        if isIntegerPartHuge { return .tooLarge }
        // Too many significant digits with a modest integer part means digits far below any unit we use.
        if isTooLong { return .inexact }
        if mantissa == 0 { return .value(0) }
        let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: numerator)
        if overflow { return .tooLarge }
        guard let divisor = Self.powerOfTen(fractionDigitCount, times: denominator) else {
            // The divisor exceeds 2¹²⁸ while the scaled value is below it: the result is a non-zero fraction below 1.
            return .inexact
        }
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
        guard remainder == 0 else { return .inexact }
        guard quotient <= UInt128(UInt64.max) else { return .tooLarge }
        return .value(UInt64(quotient))
    }

    /// `10^exponent × factor`, or `nil` on overflow.
    private static func powerOfTen(_ exponent: Int, times factor: UInt128) -> UInt128? {
        var result = factor
        for _ in 0..<exponent {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = next
        }
        return result
    }
}
