import Shard

extension ExecutionResult {
    /// Whether a native reference implementation's verdict can be compared with this execution.
    ///
    /// Not when the wasm ran out of gas or call stack: a reference has neither budget, so such a block fails on the
    /// chain, as it would in any client, and there is nothing to compare.
    var isComparableWithReference: Bool { !(failure?.isResourceExhaustion ?? false) }
}
