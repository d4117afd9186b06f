import ArgumentParser
import Foundation
import Simulator

/// `shardsim bench`: a group of benchmarks of the simulator's parts, each its own subcommand.
package struct BenchCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the speed of the simulator's parts.",
        subcommands: [
            EngineBenchCommand.self, BlockBenchCommand.self, AccumulatorsBenchCommand.self, GenesisBenchCommand.self,
        ]
    )

    package init() {}
}

/// `shardsim bench engine`: events per second of the event engine on the hold model, beside a plain binary heap.
package struct EngineBenchCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Events per second of the event engine on the hold model, beside a plain binary heap.",
        discussion: """
            Measures 1,000 and 1,000,000 pending events unless --pending says otherwise. Build with \
            `-c release` for numbers worth keeping; the default settings take about 10–30 s there.
            """
    )

    @Option(help: "Queue sizes to measure, in pending events, separated by commas.")
    var pending = CountList(EngineBenchmark().pendingSizes)

    @Option(help: "Holds (pop + schedule) timed per measurement.")
    var events: Int = EngineBenchmark().events

    @Option(name: .customLong("repeat"), help: "Rounds per queue size; the median is reported.")
    var repeats: Int = EngineBenchmark().repeats

    @Option(help: "Distribution of hold increments.")
    var increments: EngineBenchmark.Increments = .exponential

    @Option(help: "Seed of the increment stream.")
    var seed: UInt64 = EngineBenchmark().seed

    package init() {}

    package func validate() throws {
        guard events > 0 else { throw ValidationError("--events must be at least 1, got \(events).") }
        guard repeats > 0 else { throw ValidationError("--repeat must be at least 1, got \(repeats).") }
        guard let smallest = pending.values.min(), smallest > 0 else {
            throw ValidationError("--pending needs queue sizes of at least 1, got \(pending.defaultValueDescription).")
        }
    }

    package func run() throws {
        var benchmark = EngineBenchmark()
        benchmark.pendingSizes = pending.values
        benchmark.events = events
        benchmark.repeats = repeats
        benchmark.increments = increments
        benchmark.seed = seed
        let report = benchmark.run { line in
            Terminal.progress("measuring: \(line)")
        }
        print(report.text)
    }
}

extension EngineBenchmark.Increments: ExpressibleByArgument {}

/// `shardsim bench block`: one token block executed in wasm, beside the native floor of its signature recoveries.
package struct BlockBenchCommand: BenchmarkSubcommand {
    package static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Time one token block in wasm beside the native floor of its signatures.",
        discussion: """
            Builds one block of signed transfers between distinct random accounts, checks that the shipped token EE \
            and the native reference agree on it, then times the wasm execution (a fresh instance per run), \
            the native signature recoveries the block needs (the floor), the native reference and the state \
            provider's work, and prints the ratio wasm / floor and the witness size beside its exact expectation. \
            Build with `-c release`: WasmKit built in debug is 100×+ slower.
            """
    )

    @Option(help: "Signed transfers in the block.")
    var transactions: Int = BlockBenchmark().transactions

    @Option(help: "Accounts in the token tree; at least 2 per transfer.")
    var accounts: Int = BlockBenchmark().accounts

    @Option(name: .customLong("repeat"), help: "Timed rounds; the best and the median are reported.")
    var repeats: Int = BlockBenchmark().repeats

    @Option(help: "Seed of the users' keys and of the drawing of senders, recipients and amounts.")
    var seed: UInt64 = BlockBenchmark().seed

    @Option(
        help: ArgumentHelp(
            "The shipped workload EE: \(BlockBenchmark.supportedEEs.joined(separator: " or ")).",
            valueName: "name"))
    var ee: String = BlockBenchmark().eeName

    package init() {}

    package var benchmark: BlockBenchmark {
        var benchmark = BlockBenchmark()
        benchmark.eeName = ee
        benchmark.transactions = transactions
        benchmark.accounts = accounts
        benchmark.repeats = repeats
        benchmark.seed = seed
        return benchmark
    }

    package func run() throws {
        let report = try reportingFailure { () throws(BlockBenchmarkError) in
            try benchmark.run { Terminal.progress("measuring: \($0)") }
        }
        print(report.text)
    }
}

/// `shardsim bench accumulators`: the 2019 workloads per accumulator at realistic state sizes, with theory beside.
package struct AccumulatorsBenchCommand: BenchmarkSubcommand {
    package static let configuration = CommandConfiguration(
        commandName: "accumulators",
        abstract: "Witness bytes, gas and time per accumulator on the 2019 workloads, beside theory.",
        discussion: """
            For each workload of the 2019 reports (70 transfers over 5,000 accounts; 40 accounts touched of 2^22; \
            50 transactions over 50 accounts) and again at each --sizes, builds one block over a state of that size \
            (touched accounts real, the rest stand-in hashes), checks the EE against the native reference, times \
            it beside the native signature floor, and prints a Markdown table with the exact expected witness size. \
            With --out DIR also writes DIR/README.md and DIR/index.html. Build with `-c release`.
            """
    )

    @Option(help: "State sizes (accounts) every workload is repeated at, separated by commas.")
    var sizes = CountList(AccumulatorBenchmark().stateSizes)

    @Option(name: .customLong("repeat"), help: "Timed rounds per workload; medians are reported.")
    var repeats: Int = AccumulatorBenchmark().repeats

    @Option(help: "Seed of keys, positions and amounts.")
    var seed: UInt64 = AccumulatorBenchmark().seed

    @Option(help: "Folder to write README.md and index.html into (created if missing).")
    var out: String?

    package init() {}

    package var benchmark: AccumulatorBenchmark {
        var benchmark = AccumulatorBenchmark()
        benchmark.stateSizes = sizes.values
        benchmark.repeats = repeats
        benchmark.seed = seed
        return benchmark
    }

    package func run() throws {
        let report = try reportingFailure { () throws(BlockBenchmarkError) in
            try benchmark.run { Terminal.progress("measuring: \($0)") }
        }
        print(report.text)
        guard let out else { return }
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(report.markdown.utf8).write(to: folder.appendingPathComponent("README.md"))
            try Data(report.html.utf8).write(to: folder.appendingPathComponent("index.html"))
        } catch {
            Terminal.error("error: cannot write the report into \(out): \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}

/// `shardsim bench genesis`: genesis time and peak memory of a run with background accounts.
package struct GenesisBenchCommand: BenchmarkSubcommand {
    package static let configuration = CommandConfiguration(
        commandName: "genesis",
        abstract: "Genesis time and peak memory of a run with background accounts.",
        discussion: """
            Creates a run of the token EE with --accounts per shard of which --active are users (the rest \
            background accounts) on --shards shards, exactly as `shardsim run` does before its first slot, and \
            prints the time to build the shared background pattern and every shard's state, and the peak memory. \
            --materialize N also times building N distinct background leaves for real, the alternative. Run it \
            under `/usr/bin/time -v` for the peak memory of the process as the OS sees it. Build with `-c release`.
            """
    )

    @Option(help: "Accounts per shard (at most 2^28 = 268435456).")
    var accounts: Int = GenesisBenchmark().accounts

    @Option(help: "Active users per shard (the rest are background accounts).")
    var active: Int = GenesisBenchmark().active

    @Option(help: "Shards.")
    var shards: Int = GenesisBenchmark().shards

    @Option(help: "Run seed.")
    var seed: UInt64 = GenesisBenchmark().seed

    @Option(help: "Also build this many distinct background leaves for real, for comparison (0: skip).")
    var materialize: Int = 0

    package init() {}

    package var benchmark: GenesisBenchmark {
        var benchmark = GenesisBenchmark()
        benchmark.accounts = accounts
        benchmark.active = active
        benchmark.shards = shards
        benchmark.seed = seed
        benchmark.materialize = materialize
        return benchmark
    }

    package func run() throws {
        print(try reportingFailure { () throws(SimulationError) in try benchmark.run() })
    }
}
