import WasmKit

/// The arguments of one host call, in WasmKit's own buffer: valid only during the call.
typealias HostArguments = UnsafeBufferPointer<Value>

/// One host function: its name in module `env`, its wasm type and its implementation.
///
/// The implementation receives the execution's state; the table binds it to a fresh store per execution. It
/// returns its results (none, or one value of the declared type); returning no results is allocation-free.
struct HostFunction: Sendable {
    typealias Body = @Sendable (borrowing Caller, HostArguments, ExecutionState) throws(ExecutionFailure) -> [Value]

    let name: String
    let parameters: [ValueType]
    let results: [ValueType]
    let body: Body

    init(_ name: String, _ parameters: [ValueType], _ results: [ValueType] = [], body: @escaping Body) {
        self.name = name
        self.parameters = parameters
        self.results = results
        self.body = body
    }
}
