import WasmKit

/// Checked access to a guest's linear memory from a host function.
///
/// WasmKit's `Memory` accessors check bounds with `precondition`, which would crash the process on a hostile
/// pointer, so every range is checked here first, in 64-bit arithmetic so `ptr + len` cannot wrap.
///
/// The memory is looked up once per execution and kept in its ``ExecutionState``: a store holds a single instance,
/// so the first lookup is the memory of every later call. Looking it up by name on every host call cost a
/// dictionary probe and a string hash per call, and the token EE makes thousands of calls per block.
struct GuestMemory {
    private let memory: Memory
    private let function: String

    /// The memory exported as `memory` by the caller's instance, cached in `state` after the first lookup.
    init(_ caller: borrowing Caller, _ state: ExecutionState, function: String) throws(ExecutionFailure) {
        if let memory = state.memory {
            self.memory = memory
        } else {
            guard let memory = caller.instance?.exports[memory: "memory"] else {
                throw .noMemoryExport(function: function)
            }
            state.memory = memory
            self.memory = memory
        }
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

    /// Runs `body` on `[input, input + inputCount)` and the 32 bytes at `output`, both in guest memory, without
    /// copying either: what a hash precompile needs. The two ranges may overlap; `body` must read all its input
    /// before it writes.
    ///
    /// - Precondition: both ranges were checked with ``check(_:count:)``.
    func withInput<T>(
        _ input: UInt32, count inputCount: UInt32, output: UInt32,
        _ body: (UnsafeRawBufferPointer, UnsafeMutableRawBufferPointer) -> T
    ) -> T {
        // One access to the whole memory: two nested accessors on the same memory would overlap.
        memory.withUnsafeMutableBufferPointer(offset: 0, count: memory.byteCount) { bytes in
            let start = Int(input)
            let destination = Int(output)
            return body(
                UnsafeRawBufferPointer(rebasing: bytes[start..<(start + Int(inputCount))]),
                UnsafeMutableRawBufferPointer(rebasing: bytes[destination..<(destination + 32)]))
        }
    }
}
