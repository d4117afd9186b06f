import Mustache

/// Renders a report as one self-contained HTML page (see ``HTMLTemplate``).
public enum HTMLRenderer {
    public static func render(_ report: RunReport) -> String {
        // The template is a constant checked by the tests, so failing to parse it is a programming error.
        guard let template = try? MustacheTemplate(string: HTMLTemplate.page) else {
            preconditionFailure("HTMLTemplate.page does not parse")
        }
        let context: [String: Any] = [
            "title": report.title,
            "intro": "\(report.input.runs.count) run(s) in \(report.input.groups.count) group(s). Cells are the mean "
                + "across seeds ± the half-width of its 95 % confidence interval (Student t, n − 1 degrees of freedom).",
            "tables": report.tables.map { table -> [String: Any] in
                [
                    "title": table.title, "groups": table.groups,
                    "rows": table.rows.map { ["metric": $0.metric, "unit": $0.unit, "cells": $0.cells] as [String: Any] },
                ]
            },
            "checks": report.checks.map {
                [
                    "name": $0.name, "group": $0.group, "verdict": $0.verdict.rawValue, "detail": $0.detail,
                    "css": $0.verdict == .pass ? "pass" : $0.verdict == .fail ? "fail" : "na",
                ]
            },
            "figures": report.figures.map { figure -> [String: Any] in
                var item: [String: Any] = ["id": figure.id, "caption": figure.caption, "missing": figure.missing ?? ""]
                if let chart = figure.chart { item["svg"] = chart.svg }
                return item
            },
            "runs": report.input.runs.map { run -> [String: Any] in
                [
                    "name": run.name, "version": run.version, "seed": run.seed, "model": run.model,
                    "status": run.status, "scenarioHash": run.scenarioHash,
                    "ees": run.eeCodeHashes.map { ["name": $0.name, "hash": $0.hash] },
                ]
            },
        ]
        return template.render(context)
    }
}
