import Dispatch
import Foundation
import WasmKit

/// Ends an execution that is still running at a wall-clock deadline, by emptying its gas budget from a timer.
///
/// WasmKit can only stop a running guest through its fuel: the next fuel charge then traps "out of fuel". The timer
/// sets the budget to zero when the deadline passes, and again every few milliseconds until the execution returns,
/// because a charge in flight on the executing thread may write back a budget computed just before. Only Scout runs
/// use a deadline: simulations never do, since their results must not depend on the machine's speed.
final class ExecutionDeadline: @unchecked Sendable {
    /// Guards `store` and `fired` (the timer runs on another thread).
    private let lock = NSLock()
    private var store: Store?
    private var fired = false
    private let timer: DispatchSourceTimer

    /// Starts the timer of an execution in `store` that may run for `limit`.
    init(store: Store, limit: Duration) {
        self.store = store
        timer = DispatchSource.makeTimerSource(queue: .global())
        let (seconds, attoseconds) = limit.components
        let nanoseconds = Int(clamping: seconds) &* 1_000_000_000 &+ Int(attoseconds / 1_000_000_000)
        timer.schedule(deadline: .now() + .nanoseconds(max(0, nanoseconds)), repeating: .milliseconds(5))
        timer.setEventHandler { [weak self] in self?.expire() }
        timer.resume()
    }

    private func expire() {
        lock.withLock {
            guard let store else { return }
            fired = true
            store.fuel = Fuel(remaining: 0)
        }
    }

    /// Stops the timer; returns whether the deadline passed while the execution ran.
    func finish() -> Bool {
        timer.cancel()
        return lock.withLock {
            store = nil
            return fired
        }
    }
}
