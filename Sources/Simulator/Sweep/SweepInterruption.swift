import Foundation

/// A request to stop a local sweep: no further child starts, and every running child is asked with SIGINT to stop
/// at the end of its slot, write a checkpoint and exit, until it does.
///
/// Shared between the signal handler that makes the request and the runner's workers that watch their children.
package final class SweepInterruption: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    package init() {}

    /// Asks the sweep to stop; safe to call from any thread, any number of times.
    package func request() {
        lock.withLock { requested = true }
    }

    /// Whether a stop was requested.
    package var isRequested: Bool {
        lock.withLock { requested }
    }
}
