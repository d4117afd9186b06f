import Mustache

/// Renders a report as one self-contained HTML page (see ``HTMLTemplate``).
public enum HTMLRenderer {
    public static func render(_ report: RunReport) -> String {
        // The template is a constant checked by the tests, so failing to parse it is a programming error.
        guard let template = try? MustacheTemplate(string: HTMLTemplate.page) else {
            preconditionFailure("HTMLTemplate.page does not parse")
        }
        let parameters = report.parameters
        var context: [String: Any] = [
            "title": report.title,
            "intro": "\(report.input.runs.count) run(s) in \(report.input.groups.count) group(s) "
                + "(\(report.input.seedCountText)).",
            "hasParameters": !parameters.isEmpty,
            "hasDiffering": !parameters.differing.isEmpty,
            "hasOmitted": !report.omitted.isEmpty,
            "differingParts": columnChunks(parameters.groups.count).map { range -> [String: Any] in
                [
                    "groups": Array(parameters.groups[range]),
                    "differing": parameters.differing.map {
                        ["path": $0.path, "values": Array($0.values[range])] as [String: Any]
                    },
                ]
            },
            "shared": parameters.shared.map { ["path": $0.path, "value": $0.value] },
            "sharedTitle": parameters.differing.isEmpty
                ? "Every parameter of the resolved scenario" : "Parameters every group shares",
            "sharedCount": parameters.shared.count,
            "cells": report.cellsText,
            "tables": report.tables.flatMap { table -> [[String: Any]] in
                let parts = columnChunks(table.groups.count)
                return parts.enumerated().map { index, range -> [String: Any] in
                    let title =
                        parts.count == 1
                        ? table.title
                        : "\(table.title), groups \(range.lowerBound + 1)–\(range.upperBound) of \(table.groups.count)"
                    return [
                        "title": title, "groups": Array(table.groups[range]),
                        "notes": index == parts.count - 1 ? table.notes : [],
                        "rows": table.rows.map {
                            ["metric": $0.metric, "unit": $0.unit, "cells": Array($0.cells[range])] as [String: Any]
                        },
                    ]
                }
            },
            "checks": report.checkRows.map {
                [
                    "name": $0.name, "group": $0.group, "verdict": $0.verdict.rawValue, "detail": $0.detail,
                    "css": $0.verdict == .pass ? "pass" : $0.verdict == .fail ? "fail" : "na",
                ]
            },
            "figures": report.figures.enumerated().map { index, figure -> [String: Any] in
                ["id": figure.id, "number": index + 1, "caption": figure.caption, "svg": figure.chart?.svg ?? ""]
            },
            "omitted": report.omitted,
            "runs": report.input.runs.map { run -> [String: Any] in
                [
                    "name": run.name, "version": run.version, "seed": run.seed, "model": run.model,
                    "status": run.status, "scenarioHash": run.scenarioHash,
                    "ees": run.eeCodeHashes.map { ["name": $0.name, "hash": $0.hash] },
                ]
            },
        ]
        if let description = report.description { context["description"] = description }
        return template.render(context)
    }

    /// The most group columns one HTML table gets: wider tables would not fit a 1,000 px page, so more groups are
    /// split over several tables of (nearly) equal width.
    static let maximumGroupColumns = 4

    /// `0..<count` cut into the fewest ranges of at most ``maximumGroupColumns``, as equal as possible.
    static func columnChunks(_ count: Int) -> [Range<Int>] {
        guard count > maximumGroupColumns else { return [0..<count] }
        let parts = (count + maximumGroupColumns - 1) / maximumGroupColumns
        let size = (count + parts - 1) / parts
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}
