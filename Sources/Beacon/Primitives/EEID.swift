/// The id of an execution environment in the beacon chain's EE registry (its index in the registry).
package struct EEID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The index in the registry.
    package let index: UInt32

    /// Creates an EE id from its registry index.
    package init(_ index: UInt32) { self.index = index }

    package var description: String { "EE \(index)" }

    package static func < (lhs: EEID, rhs: EEID) -> Bool { lhs.index < rhs.index }
}
