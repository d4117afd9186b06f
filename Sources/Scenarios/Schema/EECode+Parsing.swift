import Foundation

extension EECode: ScenarioScalar {
    static var expectation: String { "builtin:NAME or a path to a .wasm file" }

    /// Reads `builtin:NAME` or a path relative to the current directory.
    static func parse(_ text: String) -> Result<EECode, ValueProblem> {
        parse(text, ValueContext(baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    }

    /// Reads `builtin:NAME`, or a path to an existing `.wasm` file relative to the scenario file's folder.
    static func parse(_ text: String, _ context: ValueContext) -> Result<EECode, ValueProblem> {
        let trimmed = String(Substring(text).trimmingSpaces())
        if trimmed.hasPrefix("builtin:") {
            let name = String(trimmed.dropFirst("builtin:".count))
            let rule = Constraint<String>.identifier(maximumLength: 32, allowsUppercase: false)
            guard rule.accepts(name) else {
                return .failure(ValueProblem(expected: "builtin:NAME where NAME is \(rule.expected)"))
            }
            return .success(.builtin(name))
        }
        guard trimmed.hasSuffix(".wasm") else { return .failure(ValueProblem(expected: expectation)) }
        let url = URL(fileURLWithPath: trimmed, relativeTo: context.baseDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(
                ValueProblem(
                    expected: "an existing .wasm file",
                    found: "\(NodeDescription.quoted(trimmed)) (no such file: \(url.path))"))
        }
        if let kind = InputFile.nonRegularKind(url) {
            return .failure(
                ValueProblem(expected: "an existing .wasm file", found: "\(NodeDescription.quoted(trimmed)) (\(kind))"))
        }
        return .success(.file(path: url.path))
    }

    var canonicalText: String { description }
}
