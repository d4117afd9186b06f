import Yams

/// The resolved scenario of a run (`scenario.yaml`) as flat `path: value` pairs in file order, e.g.
/// `shards.count: 8`, `ees[0].name: token`, so reports can list what differs between groups.
public struct ScenarioParameters: Sendable, Equatable {
    /// Every scalar of the file, in file order, with its dotted path.
    public let entries: [(path: String, value: String)]

    /// Parses `text`; a file that is not YAML gives no entries (the report then lists no parameters for the run,
    /// and says so) rather than failing the whole report.
    public init(yaml text: String) {
        var entries: [(path: String, value: String)] = []
        if let node = try? Yams.compose(yaml: text) { Self.flatten(node, path: "", into: &entries) }
        self.entries = entries
    }

    /// The value at `path`, if the file has it.
    public subscript(path: String) -> String? { entries.first { $0.path == path }?.value }

    public static func == (lhs: ScenarioParameters, rhs: ScenarioParameters) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0 == $1 }
    }

    private static func flatten(_ node: Node, path: String, into entries: inout [(path: String, value: String)]) {
        switch node {
        case .scalar(let scalar): entries.append((path, scalar.string))
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.string ?? "?"
                flatten(value, path: path.isEmpty ? name : "\(path).\(name)", into: &entries)
            }
        case .sequence(let sequence):
            if sequence.isEmpty { entries.append((path, "[]")) }
            for (index, value) in sequence.enumerated() { flatten(value, path: "\(path)[\(index)]", into: &entries) }
        case .alias: entries.append((path, "(alias)"))
        }
    }
}
