import WasmKit

/// Checked access to a guest's linear memory from a host function.
///
/// WasmKit's `Memory` accessors check bounds with `precondition`, which would crash the process on a hostile
/// pointer, so every range is checked here first, in 64-bit arithmetic so `ptr + len` cannot wrap.
struct GuestMemory {
    private let memory: Memory
    private let function: String

    /// The memory exported as `memory` by the caller's instance.
    init(_ caller: borrowing Caller, function: String) throws(ExecutionFailure) {
        guard let memory = caller.instance?.exports[memory: "memory"] else {
            throw .noMemoryExport(function: function)
        }
        self.memory = memory
        self.function = function
    }

    /// Throws unless `[pointer, pointer + count)` lies inside the memory.
    func check(_ pointer: UInt32, count: UInt64) throws(ExecutionFailure) {
        guard UInt64(pointer) + count <= UInt64(memory.byteCount) else {
            throw .outOfBoundsHostAccess(function: function)
        }
    }

    /// Copies `count` bytes out of guest memory.
    func read(_ pointer: UInt32, count: UInt32) throws(ExecutionFailure) -> [UInt8] {
        try check(pointer, count: UInt64(count))
        return memory.withUnsafeBufferPointer(offset: UInt(pointer), count: Int(count)) { [UInt8]($0) }
    }

    /// Copies `bytes` into guest memory at `pointer`.
    func write(_ bytes: some Collection<UInt8>, at pointer: UInt32) throws(ExecutionFailure) {
        try check(pointer, count: UInt64(bytes.count))
        memory.withUnsafeMutableBufferPointer(offset: UInt(pointer), count: bytes.count) { destination in
            destination.copyBytes(from: bytes)
        }
    }
}
