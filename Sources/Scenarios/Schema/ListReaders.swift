internal import Yams

/// Readers for the scenario's two lists: `seeds` and `ees`.
enum ListReaders {
    /// The most seeds in one scenario.
    static let maximumSeeds = 10_000
    /// The most EEs in the genesis registry.
    static let maximumEEs = 256

    /// Reads `seeds`: a non-empty list of distinct unsigned 64-bit integers.
    static func seeds(_ node: Node, context: inout ReadContext) -> [UInt64]? {
        let expected = "a list of 1 to \(maximumSeeds) distinct seeds (e.g. [1, 2, 3])"
        guard case .sequence(let list) = node, (1...maximumSeeds).contains(list.count) else {
            let found =
                if case .sequence(let list) = node { "\(list.count) seeds" } else { NodeDescription.found(node) }
            context.invalid(node, field: "seeds", expected: expected, found: found)
            return nil
        }
        var seeds: [UInt64] = []
        var seen = Set<UInt64>()  // membership only
        let before = context.diagnostics.errorCount
        for (index, element) in list.enumerated() {
            let field = FieldPath.element("seeds", index)
            guard let text = context.scalarText(element, field: field, expected: UInt64.expectation) else { continue }
            switch UInt64.parse(text) {
            case .success(let seed) where seen.insert(seed).inserted:
                seeds.append(seed)
            case .success:
                context.invalid(element, field: field, expected: "a seed not already in the list")
            case .failure:
                context.invalid(element, field: field, expected: "a seed: an integer from 0 to \(UInt64.max)")
            }
        }
        return context.diagnostics.errorCount == before ? seeds : nil
    }

    /// Reads `ees`: a non-empty list of EE mappings with distinct names.
    static func executionEnvironments(_ node: Node, context: inout ReadContext) -> [Scenario.ExecutionEnvironment]? {
        let spec = ScenarioSchema.executionEnvironment
        guard case .sequence(let list) = node, (1...maximumEEs).contains(list.count) else {
            let found = if case .sequence(let list) = node { "\(list.count) EEs" } else { NodeDescription.found(node) }
            context.invalid(
                node, field: "ees",
                expected: "a list of 1 to \(maximumEEs) EEs, each a mapping with keys "
                    + spec.knownKeys.joined(separator: ", "),
                found: found)
            return nil
        }
        var ees: [Scenario.ExecutionEnvironment] = []
        var firstIndex: [String: Int] = [:]  // EE name → index; lookups only
        let before = context.diagnostics.errorCount
        for (index, element) in list.enumerated() {
            let field = FieldPath.element("ees", index)
            var ee = Scenario.ExecutionEnvironment()
            let errorsBefore = context.diagnostics.errorCount
            SectionReader.read(element, as: spec, field: field, into: &ee, context: &context)
            guard context.diagnostics.errorCount == errorsBefore else { continue }
            if let other = firstIndex[ee.name] {
                context.report(
                    ScenarioError(
                        .invalidValue,
                        at: context.fieldLocations[FieldPath.child(field, "name")] ?? context.location(of: element),
                        field: FieldPath.child(field, "name"), expected: "a name no other EE uses",
                        found: "'\(ee.name)' (also ees[\(other)])"))
                continue
            }
            firstIndex[ee.name] = index
            ees.append(ee)
        }
        return context.diagnostics.errorCount == before ? ees : nil
    }
}
