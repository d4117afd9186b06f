internal import Yams

/// Reads the `sweep` mapping: dotted field paths to lists of values, each checked exactly like the field it sets.
enum SweepReader {
    /// An axis as read, with the position of each value for later messages.
    struct ParsedAxis {
        let path: String
        let keyLocation: SourceLocation
        var values: [SweepValue] = []
        var valueLocations: [SourceLocation] = []
    }

    /// Reads the axes of `entry`; problems go to `context`.
    static func axes(_ entry: MappingEntry, context: inout ReadContext) -> [ParsedAxis] {
        let expected = "a mapping from field paths to lists of values (e.g. shards.count: [16, 64])"
        guard
            let entries = MappingReader.entries(of: entry.value, field: "sweep", expected: expected, context: &context)
        else { return [] }
        if entries.count > Sweep.maximumAxes {
            context.invalid(
                entry.value, field: "sweep", expected: "at most \(Sweep.maximumAxes) fields",
                found: "\(entries.count) fields")
            return []
        }
        var axes: [ParsedAxis] = []
        for axisEntry in entries {
            if let axis = axis(axisEntry, context: &context) { axes.append(axis) }
        }
        let runLengthAxes = axes.filter { $0.path == "duration" || $0.path == "slots" }
        if runLengthAxes.count > 1 {
            context.report(
                ScenarioError(
                    .conflictingKeys, at: runLengthAxes[1].keyLocation, field: "sweep.\(runLengthAxes[1].path)",
                    expected: "either duration or slots, not both", found: "sweep.\(runLengthAxes[0].path)"))
        }
        return axes
    }

    /// Reads one axis, or reports why it cannot be one.
    private static func axis(_ entry: MappingEntry, context: inout ReadContext) -> ParsedAxis? {
        let field = FieldPath.child("sweep", entry.key)
        guard let spec = ScenarioSchema.sweepableField(at: entry.key) else {
            MappingReader.reportUnknown(
                entry, in: "sweep", known: ScenarioSchema.sweepableFields.map(\.path),
                knownKeysAre: "the field paths a sweep can vary", context: &context)
            return nil
        }
        guard case .sequence(let list) = entry.value, (1...Sweep.maximumValuesPerAxis).contains(list.count) else {
            let found: String? = if case .sequence(let list) = entry.value { "\(list.count) values" } else { nil }
            context.invalid(
                entry.value, field: field,
                expected: "a list of 1 to \(Sweep.maximumValuesPerAxis) values (e.g. [16, 64])", found: found)
            return nil
        }
        var axis = ParsedAxis(path: entry.key, keyLocation: context.location(of: entry.keyNode))
        var seen = Set<String>()  // membership only
        for (index, element) in list.enumerated() {
            let elementField = FieldPath.element(field, index)
            guard let assignment = SectionReader.check(element, as: spec, field: elementField, context: &context)
            else { continue }
            guard seen.insert(assignment.canonicalText).inserted else {
                context.invalid(element, field: elementField, expected: "a value not already on this axis")
                continue
            }
            axis.values.append(SweepValue(text: assignment.canonicalText, apply: assignment.apply))
            axis.valueLocations.append(context.location(of: element))
        }
        return axis
    }

    /// The sweep, after checking its size and the rules across fields at every point. Each broken rule is
    /// reported once, at the first point that breaks it, on the line of the sweep value that set the blamed field
    /// (or else another field of the rule, or else the blamed field's own line).
    static func checkedSweep(
        _ parsed: [ParsedAxis], base: Scenario, at entry: MappingEntry, context: inout ReadContext
    ) -> Sweep {
        var sweep = Sweep()
        sweep.axes = parsed.map { SweepAxis(path: $0.path, values: $0.values) }
        var total = 1
        for axis in parsed {
            total = total.multipliedReportingOverflow(by: axis.values.count).partialValue
            if total > Sweep.maximumPoints {
                context.invalid(
                    entry.value, field: "sweep", expected: "at most \(Sweep.maximumPoints) points",
                    found: "more (the product of the axes' sizes)")
                return Sweep()
            }
        }
        var reported = Set<String>()  // fields already reported; membership only
        var withSweep = base
        withSweep.sweep = sweep
        for point in withSweep.sweepPoints() {
            for problem in CrossFieldChecks.problems(in: point.scenario) where reported.insert(problem.field).inserted {
                let coordinates = Scenario.coordinates(of: point.index, in: sweep.axes)
                let axisIndex = ([problem.field] + problem.involves).lazy.compactMap { field in
                    parsed.firstIndex { $0.path == field }
                }.first
                let location =
                    axisIndex.map { parsed[$0].valueLocations[coordinates[$0].position] }
                    ?? context.fieldLocations[problem.field] ?? context.location(of: entry.keyNode)
                context.report(problem.at(point).error(at: location))
            }
        }
        return sweep
    }
}
