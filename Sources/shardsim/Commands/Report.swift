import ArgumentParser
import Foundation
import Report

/// `shardsim report RUN_COMPARISON_OR_SWEEP…`: writes report.md, a self-contained report.html and the data of every
/// figure (report-data/) from run folders.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write report.md, a self-contained report.html (inline SVG charts) and each chart's data from run folders.",
        discussion: """
            Each path is a run folder (it has run.json), a comparison folder (<model>-seed<N>/ run folders and \
            comparison.csv) or a sweep folder. Runs that differ only by seed are grouped, and figures show the mean \
            across seeds and, from 3 seeds on, its 95 % confidence interval. Each figure's data is written to \
            report-data/<figure>.csv. See Documentation/Reports.md and Documentation/Analysis.md.
            """
    )

    @Argument(help: "Run folders, comparison folders or sweep folders.", completion: .directory)
    var paths: [String]

    @Option(help: "Where to write the report; by default the single path given, else ./report.")
    var out: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one run, comparison or sweep folder.") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out ?? (paths.count == 1 ? paths[0] : "report"))
        do {
            let written = try ReportWriter.write(paths: paths.map { URL(fileURLWithPath: $0) }, to: folder)
            print("report: \(written.markdown.path)")
            print("report: \(written.html.path)")
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode(2)
        }
    }
}
