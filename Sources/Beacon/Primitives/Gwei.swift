/// An amount of ETH in gwei (10⁻⁹ ETH). `UInt64` holds up to about 1.8 × 10¹⁰ ETH, far above the total supply.
///
/// Arithmetic is checked: an overflow or an underflow is a programming error in the simulator, never a user's
/// balance silently wrapping. Use ``subtractingIfEnough(_:)`` where a shortfall is a normal outcome.
public struct Gwei: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// Gwei in one ETH.
    public static let perETH: UInt64 = 1_000_000_000

    /// The amount in gwei.
    public let value: UInt64

    /// Creates an amount of `value` gwei.
    public init(_ value: UInt64) { self.value = value }

    /// Creates an amount of whole ETH.
    public init(eth: UInt64) { self.value = eth * Self.perETH }

    public static let zero = Gwei(0)

    public static func + (lhs: Gwei, rhs: Gwei) -> Gwei { Gwei(lhs.value + rhs.value) }
    public static func - (lhs: Gwei, rhs: Gwei) -> Gwei { Gwei(lhs.value - rhs.value) }

    /// `self - other`, or `nil` when `other` is larger.
    public func subtractingIfEnough(_ other: Gwei) -> Gwei? {
        value >= other.value ? Gwei(value - other.value) : nil
    }

    public static func < (lhs: Gwei, rhs: Gwei) -> Bool { lhs.value < rhs.value }

    public var description: String { "\(value) gwei" }
}
