import WasmKit

/// One host function: its name in module `env`, its wasm type and its implementation.
///
/// The implementation receives the execution's state; the table binds it to a fresh store per execution.
struct HostFunction: Sendable {
    typealias Body = @Sendable (borrowing Caller, [Value], ExecutionState) throws(ExecutionFailure) -> [Value]

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
