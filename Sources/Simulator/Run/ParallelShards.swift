import Dispatch
import Synchronization

/// Work done per shard on worker threads, its results gathered in shard order: the only place the simulation runs
/// in parallel. Each index is computed exactly once, by one worker; the results do not depend on the thread count.
enum ParallelShards {
    /// `body(0 ..< count)` on at most `threads` workers (shard `i` on worker `i mod threads`), in shard order.
    static func map<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let workers = max(1, min(threads, count))
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        @Sendable func work(_ worker: Int) {
            for index in stride(from: worker, to: count, by: workers) {
                let value = body(index)
                results.withLock { $0[index] = value }
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers) { work($0) } }
        return results.withLock { $0.map { $0! } }
    }
}
