import ArgumentParser

/// The `shardsim` command line: a thin layer that parses arguments and calls the libraries.
@main
struct Shardsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shardsim",
        abstract: "A discrete-event simulator of Ethereum 2.0 Phase 1/2 shards that executes every block in wasm.",
        subcommands: [
            RunCommand.self, CompareCommand.self, SweepCommand.self, ReportCommand.self, ValidateCommand.self,
            ScoutCommand.self, BenchCommand.self,
        ]
    )
}
