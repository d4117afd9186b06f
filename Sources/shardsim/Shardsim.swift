import ArgumentParser
import Foundation
import Simulator

/// The `shardsim` command line: a thin layer that parses arguments and calls the libraries.
@main
struct Shardsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shardsim",
        abstract: "A discrete-event simulator of Ethereum 2.0 Phase 1/2 shards that executes every block in wasm.",
        discussion: """
            Shell completion: `shardsim --generate-completion-script bash` (or zsh, fish) prints a script; see \
            README.md. Built-in EEs: `shardsim ees`.
            """,
        version: "shardsim \(ShardsimVersion.description)",
        subcommands: [
            RunCommand.self, CompareCommand.self, SweepCommand.self, ReportCommand.self, ValidateCommand.self,
            ScoutCommand.self, BenchCommand.self, EEsCommand.self,
        ]
    )

    /// Parses and runs a command. A usage error exits with status 2, like every other kind of bad input (a broken
    /// scenario file, a folder that holds a run), instead of ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
