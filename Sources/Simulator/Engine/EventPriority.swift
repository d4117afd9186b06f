/// The tie-breaker between events at the same simulated time: the lower value runs first.
///
/// Priorities only order events that share a time; they never move an event earlier or later in time. The simulation
/// names its own levels in an extension, so the order of one slot's work reads in one place:
///
/// ```swift
/// extension EventPriority {
///     static let slotStart: EventPriority = -100   // the beacon stub opens the slot before anything else
///     static let userTransaction: EventPriority = 0
///     static let blockProposal: EventPriority = 100
/// }
/// ```
package struct EventPriority: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The priority value; lower runs first.
    package let value: Int32

    /// Creates a priority; lower values run first.
    package init(_ value: Int32) { self.value = value }

    /// Creates a priority from an integer literal; lower values run first.
    package init(integerLiteral value: Int32) { self.value = value }

    /// The default priority, 0.
    package static let normal = EventPriority(0)

    package static func < (lhs: EventPriority, rhs: EventPriority) -> Bool { lhs.value < rhs.value }

    package var description: String { "priority \(value)" }
}
