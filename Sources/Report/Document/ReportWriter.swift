import Foundation

/// Writes `report.md`, `report.html`, `charts/*.svg` (for the Markdown) and `report-data/*.csv` (every figure's data
/// and the headline table, tidy) into a folder.
public enum ReportWriter {
    /// Reads the runs under `paths` and writes the report into `folder`; returns the two report files.
    ///
    /// Files of an earlier report in `charts/` and `report-data/` that this report does not write are removed, so
    /// the folder never mixes two reports; nothing else in the folder is touched.
    public static func write(paths: [URL], to folder: URL) throws(ReportError) -> (markdown: URL, html: URL) {
        let report = RunReport(input: try ReportInput(paths: paths))
        let charts = folder.appendingPathComponent("charts")
        let data = folder.appendingPathComponent("report-data")
        let markdown = folder.appendingPathComponent("report.md")
        let html = folder.appendingPathComponent("report.html")
        do {
            var files: [(URL, String)] = []
            for figure in report.figures {
                guard let chart = figure.chart, let csv = figure.csv else { continue }
                files.append((charts.appendingPathComponent("\(figure.id).svg"), chart.svg + "\n"))
                files.append((data.appendingPathComponent("\(figure.id).csv"), csv))
            }
            files.append((data.appendingPathComponent("headline.csv"), TableData.csv(report.tables)))
            files.append((data.appendingPathComponent("parameters.csv"), TableData.csv(report.parameters)))
            for directory in [charts, data] {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let keep = Set(files.map { $0.0.lastPathComponent })  // membership only
                for old in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                where ["svg", "csv"].contains(old.pathExtension) && !keep.contains(old.lastPathComponent) {
                    try FileManager.default.removeItem(at: old)
                }
            }
            for (url, text) in files { try text.write(to: url, atomically: true, encoding: .utf8) }
            try MarkdownRenderer.render(report).write(to: markdown, atomically: true, encoding: .utf8)
            try HTMLRenderer.render(report).write(to: html, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(folder.path, error.localizedDescription)
        }
        return (markdown, html)
    }
}
