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
            "groups": parameters.groups,
            "differing": parameters.differing.map { ["path": $0.path, "values": $0.values] as [String: Any] },
            "shared": parameters.shared.map { ["path": $0.path, "value": $0.value] },
            "sharedTitle": parameters.differing.isEmpty ? "Every parameter of the resolved scenario" : "Parameters every group shares",
            "sharedCount": parameters.shared.count,
            "cells": report.cellsText,
            "tables": report.tables.map { table -> [String: Any] in
                [
                    "title": table.title, "groups": table.groups, "notes": table.notes,
                    "rows": table.rows.map { ["metric": $0.metric, "unit": $0.unit, "cells": $0.cells] as [String: Any] },
                ]
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
}
