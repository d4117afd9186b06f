/// An amount of ETH in gwei (10⁻⁹ ETH). `UInt64` holds up to about 1.8 × 10¹⁰ ETH, far above the total supply.
///
/// Arithmetic is checked: an overflow or an underflow is a programming error in the simulator, never a user's
/// balance silently wrapping. Use ``subtractingIfEnough(_:)`` where a shortfall is a normal outcome.
package struct Gwei: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// Gwei in one ETH.
    package static let perETH: UInt64 = 1_000_000_000

    /// The amount in gwei.
    package let value: UInt64

    /// Creates an amount of `value` gwei.
    package init(_ value: UInt64) { self.value = value }

    /// Creates an amount of whole ETH.
    package init(eth: UInt64) { self.value = eth * Self.perETH }

    package static let zero = Gwei(0)

    package static func + (lhs: Gwei, rhs: Gwei) -> Gwei { Gwei(lhs.value + rhs.value) }
    package static func - (lhs: Gwei, rhs: Gwei) -> Gwei { Gwei(lhs.value - rhs.value) }

    /// `self - other`, or `nil` when `other` is larger.
    package func subtractingIfEnough(_ other: Gwei) -> Gwei? {
        value >= other.value ? Gwei(value - other.value) : nil
    }

    package static func < (lhs: Gwei, rhs: Gwei) -> Bool { lhs.value < rhs.value }

    package var description: String { "\(value) gwei" }
}
