import Beacon

/// One block of an EE run in wasm and checked against the native reference: what ``SimulatedEE/execute(_:on:context:runtime:)``
/// returns.
package struct ExecutedBlock<Reference: NativeOutcome>: Sendable {
    /// The encoded block data the wasm ran on.
    package var data: [UInt8]
    /// The wasm execution: gas, failure, effects.
    package var result: ExecutionResult
    /// The native reference's verdict (equal to the wasm's unless the wasm ran out of gas or stack).
    package var reference: Reference
    /// Wall-clock time of the wasm execution, in microseconds; never fed back into the simulation.
    package var wallMicros: UInt64

    /// Whether the wasm succeeded: only then does the block change anything.
    package var succeeded: Bool { result.succeeded }
}
