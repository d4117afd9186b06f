@_spi(Fuzzing) import WasmKit

/// Refuses memory growth past a fixed size, so a memory bomb gets −1 from `memory.grow` (as the spec allows for
/// any refused growth) instead of taking the host's memory. Also caps tables, which cost host memory too.
final class MemoryLimiter: ResourceLimiter {
    private let maxMemoryBytes: Int
    private let maxTableElements: Int

    init(maxMemoryBytes: Int, maxTableElements: Int = 100_000) {
        self.maxMemoryBytes = maxMemoryBytes
        self.maxTableElements = maxTableElements
    }

    func limitMemoryGrowth(to desired: Int) throws -> Bool { desired <= maxMemoryBytes }
    func limitTableGrowth(to desired: Int) throws -> Bool { desired <= maxTableElements }
}
