import ArgumentParser
import Foundation
import Simulator

/// `shardsim bench`: a group of benchmarks of the simulator's parts, each its own subcommand.
package struct BenchCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the speed of the simulator's parts.",
        subcommands: [EngineBenchCommand.self]
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

    @Option(parsing: .upToNextOption, help: "Queue sizes to measure, in pending events.")
    var pending: [Int] = EngineBenchmark().pendingSizes

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
        guard !pending.isEmpty, let smallest = pending.min(), smallest > 0 else {
            throw ValidationError("--pending needs queue sizes of at least 1, got \(pending).")
        }
    }

    package func run() throws {
        var benchmark = EngineBenchmark()
        benchmark.pendingSizes = pending
        benchmark.events = events
        benchmark.repeats = repeats
        benchmark.increments = increments
        benchmark.seed = seed
        let report = benchmark.run { line in
            FileHandle.standardError.write(Data("measuring: \(line)\n".utf8))
        }
        print(report.text)
    }
}

extension EngineBenchmark.Increments: ExpressibleByArgument {}
