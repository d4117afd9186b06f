/// Why an execution failed. A failure is an outcome of the execution, never an error of the simulator: the
/// post-state root is the pre-state root and every effect of the execution is discarded.
package enum ExecutionFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The gas limit was reached, by wasm instructions or by a host call's charge.
    case outOfGas
    /// The guest passed a pointer or length outside its memory (or the block data) to a host function.
    case outOfBoundsHostAccess(function: String)
    /// A host function was called with an argument it rejects (for example a deposit that is not 184 bytes).
    case invalidHostArgument(function: String, reason: String)
    /// A host function needs the guest's exported `memory` and there is none.
    case noMemoryExport(function: String)
    /// The interpreter's call stack overflowed (deep or unbounded recursion).
    case callStackExhausted
    /// A wasm trap: `unreachable`, an out-of-bounds load or store, division by zero, …
    case trap(String)
    /// Instantiation failed (for example an import of the wrong type, or a start function that trapped for a
    /// reason not covered above).
    case instantiation(String)
    /// The execution was still running at its wall-clock limit (Scout runs only; see ``EERuntime/Limits``).
    case deadlineExceeded(seconds: Double)

    /// Whether the execution ran out of a budget (gas or call stack) rather than meeting bad input or bad code.
    /// A native reference implementation has neither budget, so it cannot predict such a failure.
    package var isResourceExhaustion: Bool {
        switch self {
        case .outOfGas, .callStackExhausted, .deadlineExceeded: true
        default: false
        }
    }

    /// A short, stable reason for outputs (CSV columns count failures by it).
    package var reasonCode: String {
        switch self {
        case .outOfGas: "out_of_gas"
        case .outOfBoundsHostAccess: "out_of_bounds_host_access"
        case .invalidHostArgument: "invalid_host_argument"
        case .noMemoryExport: "no_memory_export"
        case .callStackExhausted: "call_stack_exhausted"
        case .trap: "trap"
        case .instantiation: "instantiation_failed"
        case .deadlineExceeded: "deadline_exceeded"
        }
    }

    package var description: String {
        switch self {
        case .outOfGas: "out of gas"
        case .outOfBoundsHostAccess(let function): "out of bounds host access in \(function)"
        case .invalidHostArgument(let function, let reason): "invalid argument to \(function): \(reason)"
        case .noMemoryExport(let function): "\(function) needs an exported memory and the module has none"
        case .callStackExhausted: "call stack exhausted"
        case .trap(let message): "trap: \(message)"
        case .instantiation(let message): "instantiation failed: \(message)"
        case .deadlineExceeded(let seconds): "still running after the \(Int(seconds)) s wall-clock limit"
        }
    }
}
