/// The id of an execution environment in the beacon chain's EE registry (its index in the registry).
public struct EEID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The index in the registry.
    public let index: UInt32

    /// Creates an EE id from its registry index.
    public init(_ index: UInt32) { self.index = index }

    public var description: String { "EE \(index)" }

    public static func < (lhs: EEID, rhs: EEID) -> Bool { lhs.index < rhs.index }
}
