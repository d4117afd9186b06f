import Dispatch
import Foundation
import Simulator

/// Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop a local sweep, instead of killing the sweep and leaving
/// its child runs going without it.
final class SweepSignals {
    private let sources: [DispatchSourceSignal]

    /// Starts listening; the signals' default actions are off until ``cancel()``.
    init(_ interruption: SweepInterruption) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                interruption.request()
                Terminal.error("stopping: every running child finishes its slot, writes a checkpoint and exits…")
            }
            source.resume()
            return source
        }
    }

    /// Stops listening and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
