import Synchronization

/// A request to stop a local sweep: no further child starts, and every running child is asked with SIGINT to stop
/// at the end of its slot, write a checkpoint and exit, until it does.
///
/// Shared between the signal handler that makes the request and the runner's workers that watch their children.
package final class SweepInterruption: Sendable {
    private let requested = Atomic<Bool>(false)

    package init() {}

    /// Asks the sweep to stop; safe to call from any thread, any number of times.
    package func request() {
        requested.store(true, ordering: .sequentiallyConsistent)
    }

    /// Whether a stop was requested.
    package var isRequested: Bool {
        requested.load(ordering: .sequentiallyConsistent)
    }
}
