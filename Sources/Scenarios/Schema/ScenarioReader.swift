internal import Yams

/// Walks a scenario's YAML tree against ``ScenarioSchema``, filling a ``Scenario`` from the defaults and reporting
/// every problem with its line.
enum ScenarioReader {
    /// `name`: safe in folder names.
    static let nameField = FieldSpec<Scenario>.value(
        "name", \.name, .identifier(maximumLength: 64, allowsUppercase: true))
    /// `description`: free text, bounded so that a run folder's copy stays readable.
    static let descriptionField = FieldSpec<Scenario>.value(
        "description", \.description,
        Constraint(expected: "text of at most 10000 characters") { $0.unicodeScalars.count <= 10_000 })

    /// The scenario in `root`, or `nil` if it has problems (all of which are in `context`).
    static func read(_ root: Node, context: inout ReadContext) -> Scenario? {
        guard
            let entries = MappingReader.entries(
                of: root, field: "",
                expected: "a mapping of scenario fields (" + ScenarioSchema.topLevelKeys.joined(separator: ", ") + ")",
                nullIsEmpty: false, context: &context)
        else { return nil }

        var scenario = Scenario()
        var runLengthEntry: MappingEntry?
        var sweepEntry: MappingEntry?
        for entry in entries {
            switch entry.key {
            case "name":
                SectionReader.readField(entry.value, as: nameField, field: "name", into: &scenario, context: &context)
            case "description":
                SectionReader.readField(
                    entry.value, as: descriptionField, field: "description", into: &scenario, context: &context)
            case "seeds":
                if let seeds = ListReaders.seeds(entry.value, context: &context) { scenario.seeds = seeds }
            case "duration", "slots":
                if let other = runLengthEntry {
                    context.report(
                        ScenarioError(
                            .conflictingKeys, at: context.location(of: entry.keyNode), field: entry.key,
                            expected: "either duration or slots, not both",
                            found: "\(other.key) at line \(context.location(of: other.keyNode).line)"))
                    continue
                }
                runLengthEntry = entry
                if let spec = ScenarioSchema.runLength.first(where: { $0.key == entry.key }) {
                    SectionReader.readField(entry.value, as: spec, field: entry.key, into: &scenario, context: &context)
                }
            case "ees":
                if let ees = ListReaders.executionEnvironments(entry.value, context: &context) { scenario.ees = ees }
            case "sweep":
                sweepEntry = entry
            case "network":
                scenario.network.isEnabled = true
                let section = ScenarioSchema.network
                SectionReader.read(entry.value, as: section, field: section.key, into: &scenario, context: &context)
            default:
                if let section = ScenarioSchema.sections.first(where: { $0.key == entry.key }) {
                    SectionReader.read(entry.value, as: section, field: section.key, into: &scenario, context: &context)
                } else {
                    MappingReader.reportUnknown(entry, in: "", known: ScenarioSchema.topLevelKeys, context: &context)
                }
            }
        }
        // The workload's EE defaults to the first one registered, whatever its name.
        if context.fieldLocations["workload.ee"] == nil, let first = scenario.ees.first {
            scenario.workload.ee = first.name
        }

        // The attestation deadline defaults to a third of the slot, whatever the slot's length.
        if scenario.network.isEnabled && context.fieldLocations["network.attestationDeadline"] == nil {
            scenario.network.attestationDeadline = TimeSpan(micros: scenario.beacon.slotDuration.micros / 3)
        }

        let axes = sweepEntry.map { SweepReader.axes($0, context: &context) } ?? []

        // Checks across fields would only echo earlier errors (a rejected value leaves its default in place).
        guard !context.diagnostics.hasErrors else { return nil }
        let fallback = context.location(of: root)
        for problem in CrossFieldChecks.problems(in: scenario) {
            // A rule may blame a field the file leaves at its default; the line of a field it involves is next best.
            let locations = context.fieldLocations
            let location = ([problem.field] + problem.involves).lazy.compactMap { locations[$0] }.first
            context.report(problem.error(at: location ?? fallback))
        }
        if let sweepEntry, !context.diagnostics.hasErrors {
            scenario.sweep = SweepReader.checkedSweep(axes, base: scenario, at: sweepEntry, context: &context)
        }
        return context.diagnostics.hasErrors ? nil : scenario
    }
}
