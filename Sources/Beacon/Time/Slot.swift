/// A beacon-chain slot number; slot 0 starts at genesis.
package struct Slot: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// The slot number.
    package let number: UInt64

    /// Creates slot `number`.
    package init(_ number: UInt64) { self.number = number }

    package static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.number < rhs.number }
    package func distance(to other: Slot) -> Int64 { Int64(other.number) - Int64(number) }
    package func advanced(by n: Int64) -> Slot { Slot(UInt64(Int64(number) + n)) }

    /// The slot after this one.
    package var next: Slot { Slot(number + 1) }

    package var description: String { "slot \(number)" }
}

/// A beacon-chain epoch: a fixed number of consecutive slots (32 by default).
package struct Epoch: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The epoch number.
    package let number: UInt64

    /// Creates epoch `number`.
    package init(_ number: UInt64) { self.number = number }

    package static func < (lhs: Epoch, rhs: Epoch) -> Bool { lhs.number < rhs.number }

    package var description: String { "epoch \(number)" }
}
