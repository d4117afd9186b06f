import WasmKit

/// Every host function the runtime provides, by name: the Scout-compatible base, the precompiles and the
/// simulator's shard extensions. `Documentation/HostFunctions.md` is the reference; keep it in step.
enum HostFunctionTable {
    static let all: [HostFunction] =
        ScoutFunctions.all + DebugFunctions.all + BignumFunctions.all + Precompiles.all + ShardFunctions.all
        + FeeFunctions.all

    /// The functions by name.
    static let byName: [String: HostFunction] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The imports of one execution: `functions` bound to `state` in `store`.
    static func imports(_ functions: [HostFunction], store: Store, state: ExecutionState) -> Imports {
        var imports = Imports()
        for function in functions {
            let body = function.body
            let resultCount = function.results.count
            // WasmKit's `raw:` form hands over its own argument and result buffers; the array form would allocate
            // an arguments array on every call and check result types we already know statically.
            let bound = Function(
                store: store, parameters: function.parameters, results: function.results,
                raw: {
                    caller, arguments, results in
                    let produced = try body(caller, arguments, state)
                    precondition(produced.count == resultCount, "host function \(function.name) returned a wrong count")
                    for index in 0..<resultCount { results[index] = produced[index] }
                })
            imports.define(module: "env", name: function.name, bound)
        }
        return imports
    }
}
