import Foundation

/// Writes `report.md`, `report.html` and `charts/*.svg` (for the Markdown) into a folder.
public enum ReportWriter {
    /// Reads the runs under `paths` and writes the report into `folder`; returns the two report files.
    public static func write(paths: [URL], to folder: URL) throws(ReportError) -> (markdown: URL, html: URL) {
        let report = RunReport(input: try ReportInput(paths: paths))
        let charts = folder.appendingPathComponent("charts")
        let markdown = folder.appendingPathComponent("report.md")
        let html = folder.appendingPathComponent("report.html")
        do {
            try FileManager.default.createDirectory(at: charts, withIntermediateDirectories: true)
            for figure in report.figures {
                guard let chart = figure.chart else { continue }
                try (chart.svg + "\n").write(to: charts.appendingPathComponent("\(figure.id).svg"), atomically: true, encoding: .utf8)
            }
            try MarkdownRenderer.render(report).write(to: markdown, atomically: true, encoding: .utf8)
            try HTMLRenderer.render(report).write(to: html, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(folder.path, error.localizedDescription)
        }
        return (markdown, html)
    }
}
