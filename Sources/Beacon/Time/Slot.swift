/// A beacon-chain slot number; slot 0 starts at genesis.
public struct Slot: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// The slot number.
    public let number: UInt64

    /// Creates slot `number`.
    public init(_ number: UInt64) { self.number = number }

    public static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.number < rhs.number }
    public func distance(to other: Slot) -> Int64 { Int64(other.number) - Int64(number) }
    public func advanced(by n: Int64) -> Slot { Slot(UInt64(Int64(number) + n)) }

    /// The slot after this one.
    public var next: Slot { Slot(number + 1) }

    public var description: String { "slot \(number)" }
}

/// A beacon-chain epoch: a fixed number of consecutive slots (32 by default).
public struct Epoch: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The epoch number.
    public let number: UInt64

    /// Creates epoch `number`.
    public init(_ number: UInt64) { self.number = number }

    public static func < (lhs: Epoch, rhs: Epoch) -> Bool { lhs.number < rhs.number }

    public var description: String { "epoch \(number)" }
}
