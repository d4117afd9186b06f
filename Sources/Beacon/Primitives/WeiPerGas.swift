/// A price per unit of gas, in wei (10⁻⁹ gwei): EIP-1559's base fee, a fee cap or a priority fee.
///
/// Kept in wei so that the base-fee rule's integer arithmetic is EIP-1559's own: in whole gwei the minimum rise of
/// one unit ratchets a low base fee upwards and its 1/8 steps round away. A price is at most 2⁶⁴ − 1 wei (about
/// 18.4 ETH) per gas, the width of the fee-market EE's fields; the scenario limits keep every price below it, and the
/// base-fee rule stops there. ETH balances stay in whole gwei: a charge is `gas × price` rounded up to a whole
/// gwei (``charge(forGas:)``). Display in gwei with ``gweiText``.
package struct WeiPerGas: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Wei in one gwei.
    package static let weiPerGwei: UInt64 = 1_000_000_000

    /// The price in wei per gas.
    package let wei: UInt64

    /// A price of `wei` wei per gas.
    package init(wei: UInt64) { self.wei = wei }

    /// A price of `gwei` whole gwei per gas, or `nil` when it exceeds 2⁶⁴ − 1 wei.
    package init?(gwei: UInt64) {
        let (wei, overflow) = gwei.multipliedReportingOverflow(by: Self.weiPerGwei)
        guard !overflow else { return nil }
        self.wei = wei
    }

    /// Zero wei per gas.
    package static let zero = WeiPerGas(wei: 0)
    /// The largest price: 2⁶⁴ − 1 wei per gas.
    package static let max = WeiPerGas(wei: .max)

    package static func < (lhs: WeiPerGas, rhs: WeiPerGas) -> Bool { lhs.wei < rhs.wei }

    /// `self + other`, or `nil` past ``max``.
    package func adding(_ other: WeiPerGas) -> WeiPerGas? {
        let (sum, overflow) = wei.addingReportingOverflow(other.wei)
        return overflow ? nil : WeiPerGas(wei: sum)
    }

    /// What `gas` units cost at this price, `gas × wei` rounded up to a whole gwei; `nil` when that exceeds
    /// 2⁶⁴ − 1 gwei.
    ///
    /// Rounding up keeps every charge payable from whole-gwei balances and never below EIP-1559's exact amount; the
    /// excess is under 1 gwei per charge.
    package func charge(forGas gas: UInt64) -> Gwei? {
        let wei = UInt128(gas) * UInt128(self.wei)
        let gwei = (wei + UInt128(Self.weiPerGwei - 1)) / UInt128(Self.weiPerGwei)
        return UInt64(exactly: gwei).map { Gwei($0) }
    }

    /// The price in gwei with all nine decimals, e.g. `11.437500000` — a display unit, exact and locale-free.
    package var gweiText: String {
        let fraction = String(wei % Self.weiPerGwei)
        return "\(wei / Self.weiPerGwei)." + String(repeating: "0", count: 9 - fraction.count) + fraction
    }

    package var description: String { "\(wei) wei/gas" }
}
