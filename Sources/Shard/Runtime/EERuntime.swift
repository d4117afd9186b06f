import Beacon
@_spi(Fuzzing) import WasmKit

/// Runs EEs: one fresh store and instance per execution, metered by gas, with every host function of
/// `Documentation/HostFunctions.md`.
///
/// A runtime is cheap and immutable; share one across threads. Each ``execute(_:preStateRoot:blockData:context:)``
/// call owns its store, so concurrent executions never share mutable state.
package struct EERuntime: Sendable {
    /// Limits that apply to every execution of this runtime.
    package struct Limits: Sendable, Hashable {
        /// Gas available to one execution.
        package var gasLimit: UInt64
        /// The largest linear memory an execution may grow to, in bytes.
        package var memoryLimitBytes: Int
        /// The longest an execution may run in wall-clock time, or `nil` for no limit. Scout runs set one, so an
        /// endless loop that is cheap in gas (one that calls host functions, say) still ends; simulations never
        /// do, since their results must not depend on the machine's speed.
        package var wallClockLimit: Duration?

        /// 10 M gas and 16 MiB: room for a 70-transaction token block many times over.
        package static let `default` = Limits(gasLimit: 10_000_000, memoryLimitBytes: 16 << 20)

        /// Creates limits.
        package init(gasLimit: UInt64, memoryLimitBytes: Int, wallClockLimit: Duration? = nil) {
            self.gasLimit = gasLimit
            self.memoryLimitBytes = memoryLimitBytes
            self.wallClockLimit = wallClockLimit
        }
    }

    /// The limits of every execution.
    package let limits: Limits
    private let engine: Engine

    /// Creates a runtime whose executions are bounded by `limits`.
    package init(limits: Limits = .default) {
        self.limits = limits
        // Fuel metering is a translation-time switch, so it is set once per engine; its cost is within noise.
        self.engine = Engine(configuration: EngineConfiguration(fuelMetering: true))
    }

    /// Executes `module`'s `main` with `preStateRoot` and `blockData`.
    ///
    /// Never throws: a trap, running out of gas, a bad pointer, refused memory growth or a stack overflow is a
    /// ``ExecutionResult/failure``, the post-state root is the pre-state root, and the caller carries on.
    package func execute(
        _ module: EEModule, preStateRoot: Root, blockData: [UInt8], context: ShardContext = .standalone
    ) -> ExecutionResult {
        let state = ExecutionState(preStateRoot: preStateRoot, blockData: blockData, context: context)
        // The cached memory refers to the store, whose host functions refer to the state: drop it when done, or
        // each execution's store (and its linear memory) would be kept alive by the cycle.
        defer { state.memory = nil }
        let store = Store(engine: engine)
        store.resourceLimiter = MemoryLimiter(maxMemoryBytes: limits.memoryLimitBytes)
        store.fuel = Fuel(remaining: limits.gasLimit)

        let deadline = limits.wallClockLimit.map { ExecutionDeadline(store: store, limit: $0) }
        var failure: ExecutionFailure? = nil
        var instance: Instance?
        do {
            // The start function, if any, runs here and is metered like the rest.
            instance = try module.module.instantiate(
                store: store, imports: HostFunctionTable.imports(module.hostImports, store: store, state: state))
        } catch {
            failure = Self.classify(error, instantiating: true)
        }
        if let instance {
            do {
                guard let main = instance.exports[function: "main"] else {
                    throw ExecutionFailure.instantiation("no function 'main'")
                }
                _ = try main.invoke([])
            } catch {
                failure = Self.classify(error, instantiating: false)
            }
        }
        if deadline?.finish() == true, failure == .outOfGas, let limit = limits.wallClockLimit {
            failure = .deadlineExceeded(seconds: Double(limit.components.seconds))
        }

        let gasUsed: UInt64
        if failure == .outOfGas || failure?.reasonCode == "deadline_exceeded" {
            gasUsed = limits.gasLimit
        } else {
            gasUsed = limits.gasLimit - (store.fuel?.remaining ?? limits.gasLimit)
        }
        if let failure {
            return ExecutionResult(
                failure: failure, postStateRoot: preStateRoot, gasUsed: gasUsed, deposits: [], log: state.log,
                effects: ShardEffects(balanceAfter: context.balance))
        }
        var result = ExecutionResult(
            failure: nil, postStateRoot: state.savedRoot ?? preStateRoot, gasUsed: gasUsed,
            deposits: state.deposits, log: state.log, effects: state.effects)
        result.recoveredKeys = state.recoveredKeys
        return result
    }

    /// Turns whatever an execution threw into a failure reason. WasmKit's `Trap.reason` is not public, so traps
    /// are told apart by their description's first line. What fails while `instantiating` (an import of the wrong
    /// type, a data segment out of range) is an instantiation failure; what `main` throws is not.
    private static func classify(_ error: any Error, instantiating: Bool) -> ExecutionFailure {
        if let failure = error as? ExecutionFailure { return failure }
        let text = WasmErrorText.describe(error)
        let message = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        if error is Trap {
            if message.contains("out of fuel") { return .outOfGas }
            if message.contains("call stack exhausted") { return .callStackExhausted }
            return .trap(message)
        }
        if error is WasmKitException { return .trap("uncaught wasm exception (\(message))") }
        return instantiating ? .instantiation(message) : .trap(message)
    }
}
