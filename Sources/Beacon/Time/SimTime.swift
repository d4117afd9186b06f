/// A point in simulated time, in integer microseconds since genesis.
///
/// Simulated time never comes from the wall clock: it advances only through events (see DESIGN.md, Determinism).
package struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since genesis.
    package let micros: UInt64

    /// Creates a time `micros` microseconds after genesis.
    package init(micros: UInt64) { self.micros = micros }

    /// Genesis.
    package static let genesis = SimTime(micros: 0)

    /// The time `duration` later.
    package static func + (lhs: SimTime, rhs: SimDuration) -> SimTime { SimTime(micros: lhs.micros + rhs.micros) }

    /// The duration from `rhs` to `lhs`; `lhs` must not be earlier.
    package static func - (lhs: SimTime, rhs: SimTime) -> SimDuration { SimDuration(micros: lhs.micros - rhs.micros) }

    package static func < (lhs: SimTime, rhs: SimTime) -> Bool { lhs.micros < rhs.micros }

    /// Seconds since genesis, for display and CSV output.
    package var seconds: Double { Double(micros) / 1_000_000 }

    package var description: String { "t=\(micros)µs" }
}

/// A length of simulated time, in integer microseconds.
package struct SimDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in microseconds.
    package let micros: UInt64

    /// Creates a duration of `micros` microseconds.
    package init(micros: UInt64) { self.micros = micros }

    /// A duration of whole seconds.
    package static func seconds(_ s: UInt64) -> SimDuration { SimDuration(micros: s * 1_000_000) }

    /// A duration of whole milliseconds.
    package static func milliseconds(_ ms: UInt64) -> SimDuration { SimDuration(micros: ms * 1_000) }

    package static let zero = SimDuration(micros: 0)

    package static func < (lhs: SimDuration, rhs: SimDuration) -> Bool { lhs.micros < rhs.micros }
    package static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(micros: lhs.micros + rhs.micros)
    }
    package static func * (lhs: SimDuration, rhs: UInt64) -> SimDuration { SimDuration(micros: lhs.micros * rhs) }

    /// The duration in seconds, for display and CSV output.
    package var seconds: Double { Double(micros) / 1_000_000 }

    package var description: String { "\(micros)µs" }
}
