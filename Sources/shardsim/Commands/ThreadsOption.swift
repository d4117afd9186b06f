import ArgumentParser

/// `--threads N`: worker threads executing shards, for the commands that simulate.
struct ThreadsOption: ParsableArguments {
    @Option(help: "Worker threads executing shards; by default the scenario's execution.threads (0 = one per core).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
    }
}
