/// The scenario's resolved parameters: those that differ between groups first (one column per group), then those
/// every group shares (one value). Seeds, the name and the description are left out: they say which runs these
/// are, not how they were configured.
public struct ParameterTable: Sendable {
    public let groups: [String]
    /// Parameters with different values between groups: the path and one value per group.
    public let differing: [(path: String, values: [String])]
    /// Parameters with the same value in every group.
    public let shared: [(path: String, value: String)]

    static let ignored: Set<String> = ["name", "description"]

    public init(_ input: ReportInput) {
        groups = input.groups.map(\.name)
        let perGroup = input.groups.map { $0.runs.first?.parameters ?? ScenarioParameters(yaml: "") }
        var paths: [String] = []
        var seen = Set<String>()  // membership only; order is `paths`
        for parameters in perGroup {
            for entry in parameters.entries
            where !Self.ignored.contains(entry.path) && !entry.path.hasPrefix("seeds")
                && seen.insert(entry.path).inserted
            {
                paths.append(entry.path)
            }
        }
        var differing: [(path: String, values: [String])] = []
        var shared: [(path: String, value: String)] = []
        for path in paths {
            let values = perGroup.map { $0[path] ?? "–" }
            if values.allSatisfy({ $0 == values[0] }) {
                shared.append((path, values[0]))
            } else {
                differing.append((path, values))
            }
        }
        self.differing = differing
        self.shared = shared
    }

    public var isEmpty: Bool { differing.isEmpty && shared.isEmpty }
}
