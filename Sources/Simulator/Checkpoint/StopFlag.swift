import Synchronization

/// Set (from a signal handler's queue) to ask a run to stop at the end of the current slot, after a checkpoint.
package final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    package init() {}

    /// Asks the run to stop.
    package func set() { flag.store(true, ordering: .relaxed) }

    /// Whether a stop was asked for.
    package var isSet: Bool { flag.load(ordering: .relaxed) }
}
