extension Scenario {
    /// The scenario as YAML with every field, each value spelled with its unit, in the schema's fixed order.
    ///
    /// Stable byte for byte: the same scenario always gives the same text (no dictionary order anywhere), and
    /// parsing the text gives back an equal scenario. It is printed by `shardsim validate` and written into every
    /// run folder. `.wasm` paths appear absolute, so the text means the same from any folder.
    package var canonicalYAML: String {
        var lines = [
            "# shardsim scenario, resolved: every field with its unit, defaults filled in.",
            "# Units: durations us/ms/s/m/h, amounts ETH/gwei, sizes B/KiB/MiB, fractions as %.",
        ]
        lines.append("name: " + YAMLText.scalar(name, quoted: true))
        lines.append("description: " + YAMLText.scalar(description, quoted: true))
        lines.append("seeds: [" + seeds.map(String.init).joined(separator: ", ") + "]")
        for field in ScenarioSchema.runLength {
            if let value = field.render(self) { lines.append("\(field.key): \(value)") }
        }
        let sections = ScenarioSchema.sections
        for section in sections.prefix(while: { $0.key != "execution" }) {
            CanonicalYAML.append(section, of: self, indent: "", to: &lines)
        }
        lines.append("ees:")
        for ee in ees {
            var entry: [String] = []
            for field in ScenarioSchema.executionEnvironment.fields {
                if let value = field.render(ee) { entry.append("\(field.key): \(value)") }
            }
            for (index, line) in entry.enumerated() { lines.append((index == 0 ? "  - " : "    ") + line) }
        }
        for section in sections.drop(while: { $0.key != "execution" }) {
            CanonicalYAML.append(section, of: self, indent: "", to: &lines)
        }
        if network.isEnabled { CanonicalYAML.append(ScenarioSchema.network, of: self, indent: "", to: &lines) }
        if sweep.isEmpty {
            lines.append("sweep: {}")
        } else {
            lines.append("sweep:")
            for axis in sweep.axes {
                let values = axis.values.map { YAMLText.scalar($0.text, quoted: false) }
                lines.append("  \(YAMLText.scalar(axis.path, quoted: false)): [" + values.joined(separator: ", ") + "]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Writes ``SectionSpec`` tables as block mappings.
enum CanonicalYAML {
    /// Appends `section` (its fields, then its subsections) of `root`, indented by `indent`.
    static func append<Root>(_ section: SectionSpec<Root>, of root: Root, indent: String, to lines: inout [String]) {
        lines.append("\(indent)\(section.key):")
        for field in section.fields {
            if let value = field.render(root) { lines.append("\(indent)  \(field.key): \(value)") }
        }
        for subsection in section.subsections {
            append(subsection, of: root, indent: indent + "  ", to: &lines)
        }
    }
}
