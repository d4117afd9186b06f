import Beacon
import WasmKit

/// The mutable state of one execution, shared by the host functions of its store. One per execution, never
/// reused, so nothing leaks from one execution into the next.
final class ExecutionState {
    let preStateRoot: Root
    let blockData: [UInt8]
    let context: ShardContext
    var savedRoot: Root?
    var deposits: [[UInt8]] = []
    var log: [String] = []
    var effects: ShardEffects
    var claimed: Set<UInt32> = []
    /// Public keys recovered by `secp256k1_recover`, by message hash ‖ signature.
    var recoveredKeys: [[UInt8]: [UInt8]] = [:]
    /// The instance's exported `memory`, once a host function has looked it up (see ``GuestMemory``).
    var memory: Memory?

    init(preStateRoot: Root, blockData: [UInt8], context: ShardContext) {
        self.preStateRoot = preStateRoot
        self.blockData = blockData
        self.context = context
        self.effects = ShardEffects()
        self.effects.balanceAfter = context.balance
    }

    func appendLog(_ line: String) {
        if log.count < HostLimits.maxLogLines { log.append(line) }
    }
}
