import Foundation

extension Scenario {
    /// `self` with command-line overrides applied (`shards.count=8`, `beacon.slotDuration=6s`), each read and
    /// checked exactly as the file's own field would be, then every rule across fields checked again.
    ///
    /// Any field a sweep may vary can be set (the run length, and every field of `beacon`, `shards`, `execution`,
    /// `workload`, `crossShard`, `fees` and `measurement`). A sweep in the file still varies its own fields on top.
    ///
    /// - Parameter source: how messages name where the overrides came from (e.g. `--set`).
    /// - Throws: ``ScenarioErrors``, one per bad override, naming the field, what was expected and what was found.
    package func overriding(_ overrides: [String], source: String = "--set") throws(ScenarioErrors) -> Scenario {
        var scenario = self
        var errors: [ScenarioError] = []
        let location = SourceLocation.wholeFile(source)
        let context = ValueContext(baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for override in overrides {
            guard let equals = override.firstIndex(of: "=") else {
                errors.append(
                    ScenarioError(
                        .invalidValue, at: location, field: override, expected: "FIELD=VALUE, e.g. shards.count=8",
                        found: NodeDescription.quoted(override)))
                continue
            }
            let path = String(override[..<equals]).trimmingCharacters(in: .whitespaces)
            let text = String(override[override.index(after: equals)...])
            guard let field = ScenarioSchema.sweepableField(at: path) else {
                errors.append(
                    ScenarioError(
                        .unknownKey, at: location, field: path,
                        expected: "a field a sweep may vary: "
                            + ScenarioSchema.sweepableFields.map(\.path).joined(separator: ", "),
                        found: NodeDescription.quoted(path)))
                continue
            }
            switch field.read(text, context) {
            case .success(let assignment): assignment.apply(&scenario)
            case .failure(let problem):
                errors.append(
                    ScenarioError(
                        .invalidValue, at: location, field: path, expected: problem.expected,
                        found: problem.found ?? NodeDescription.quoted(text)))
            }
        }
        if errors.isEmpty {
            errors = CrossFieldChecks.problems(in: scenario).map { $0.error(at: location) }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        return scenario
    }
}
