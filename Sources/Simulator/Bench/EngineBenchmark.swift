import Beacon
import Foundation

/// The hold-model benchmark of the event engine, behind `shardsim bench engine`.
///
/// The classic hold model (Jones, 1986): fill the queue with `pending` events, then repeat "pop the earliest event,
/// schedule a new one at its time plus a random increment", so the queue size stays constant. Each measurement times
/// `events` such holds on ``EventEngine`` (through its real `run` loop and handler) and on a ``PlainBinaryHeap`` of
/// the same ``EventKey`` keys, in the same process, so the ratio between them is the cost of the engine's extras.
///
/// Increments and priorities come from a table of 16,384 draws of the stream `"bench/hold"`, filled before timing
/// starts: the measurement is of the queue, not of the logarithm in an exponential draw, and both sides see the
/// same keys. The two sides must pop the same events; a checksum of popped times makes sure they do.
package struct EngineBenchmark: Sendable {
    /// How hold increments are drawn.
    package enum Increments: String, CaseIterable, Sendable {
        /// Exponential with mean ``EngineBenchmark/meanIncrement``: the classic hold-model choice.
        case exponential
        /// Uniform over `0...2 × mean`.
        case uniform
    }

    /// The queue sizes measured, in pending events.
    package var pendingSizes: [Int] = [1_000, 1_000_000]
    /// Holds timed per measurement.
    package var events: Int = 3_000_000
    /// Rounds per queue size; the report gives medians over rounds.
    package var repeats: Int = 3
    /// The increment distribution.
    package var increments: Increments = .exponential
    /// The run seed of the increment stream.
    package var seed: UInt64 = 1

    /// The mean increment: one simulated second, so times spread over many distinct microseconds.
    package static let meanIncrement = SimDuration.seconds(1)
    /// Distinct priorities drawn, so that the priority field of the key is exercised too.
    package static let priorityCount = 4

    /// Creates a benchmark with the default settings.
    package init() {}

    /// Runs every measurement and returns the report; `progress` receives a line before each measurement.
    package func run(progress: (String) -> Void = { _ in }) -> EngineBenchmarkReport {
        precondition(events > 0 && repeats > 0 && pendingSizes.allSatisfy { $0 > 0 }, "empty benchmark")
        let table = HoldTable(seed: seed, increments: increments)
        var rows: [EngineBenchmarkReport.Row] = []
        for pending in pendingSizes {
            var engineRates: [Double] = []
            var plainRates: [Double] = []
            var ratios: [Double] = []
            for round in 1...repeats {
                progress("\(BenchmarkFormatting.grouped(pending)) pending, round \(round) of \(repeats)")
                // Alternate which side goes first, so drift (thermal, page cache) does not favour one side.
                let engine: Measurement
                let plain: Measurement
                if round % 2 == 1 {
                    engine = holdOnEngine(pending: pending, table: table)
                    plain = holdOnPlainHeap(pending: pending, table: table)
                } else {
                    plain = holdOnPlainHeap(pending: pending, table: table)
                    engine = holdOnEngine(pending: pending, table: table)
                }
                precondition(engine.checksum == plain.checksum, "engine and plain heap popped different events")
                engineRates.append(Double(events) / engine.seconds)
                plainRates.append(Double(events) / plain.seconds)
                ratios.append(plain.seconds / engine.seconds)
            }
            rows.append(
                .init(
                    pending: pending,
                    engineRate: median(engineRates),
                    plainRate: median(plainRates),
                    ratio: median(ratios)
                )
            )
        }
        return EngineBenchmarkReport(benchmark: self, rows: rows)
    }

    // MARK: - The two sides

    private struct Measurement {
        var seconds: Double
        /// Wrapping sum of popped times, to check that both sides did the same work.
        var checksum: UInt64
    }

    // Both sides run two phases with the same loop: a warm-up of `min(pending, events)` holds, which lets the queue
    // reach its steady-state shape, then the timed `events` holds. The loops are written inline, not as local
    // functions or closures passed around, so their captured counters are not boxed and checked for exclusivity at
    // run time, which would add noise that has nothing to do with either queue.

    private func holdOnEngine(pending: Int, table: HoldTable) -> Measurement {
        let engine = EventEngine<UInt32>(minimumCapacity: pending)
        var cursor = 0
        for token in 0..<pending {
            let (increment, priority) = table[cursor]
            cursor += 1
            engine.schedule(UInt32(truncatingIfNeeded: token), at: .genesis + increment, priority: priority)
        }
        var measurement = Measurement(seconds: 0, checksum: 0)
        for phase in [min(pending, events), events] {
            var remaining = phase
            var checksum: UInt64 = 0
            let start = ContinuousClock.now
            engine.run(until: .queueEmpty) { token in
                let (increment, priority) = table[cursor]
                cursor &+= 1
                checksum &+= engine.now.micros
                engine.schedule(token, after: increment, priority: priority)
                remaining -= 1
                if remaining == 0 { engine.requestStop() }
            }
            measurement = Measurement(seconds: seconds(since: start), checksum: checksum)
        }
        return measurement
    }

    private func holdOnPlainHeap(pending: Int, table: HoldTable) -> Measurement {
        var heap = PlainBinaryHeap<EventKey>(minimumCapacity: pending)
        var cursor = 0
        var sequence: UInt64 = 0
        for _ in 0..<pending {
            let (increment, priority) = table[cursor]
            cursor += 1
            heap.insert(EventKey(time: .genesis + increment, priority: priority, sequence: sequence))
            sequence += 1
        }
        var measurement = Measurement(seconds: 0, checksum: 0)
        for phase in [min(pending, events), events] {
            var checksum: UInt64 = 0
            let start = ContinuousClock.now
            for _ in 0..<phase {
                // Never empty: every pop is followed by a push.
                let top = heap.popMin().unsafelyUnwrapped
                let (increment, priority) = table[cursor]
                cursor &+= 1
                checksum &+= top.time.micros
                heap.insert(EventKey(time: top.time + increment, priority: priority, sequence: sequence))
                sequence += 1
            }
            measurement = Measurement(seconds: seconds(since: start), checksum: checksum)
        }
        return measurement
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The pre-drawn increments and priorities of the hold model, read cyclically.
private struct HoldTable: Sendable {
    private static let size = 16_384  // a power of two, so wrapping is a mask
    private let increments: [SimDuration]
    private let priorities: [EventPriority]

    init(seed: UInt64, increments kind: EngineBenchmark.Increments) {
        var stream = RandomStream(runSeed: seed, name: "bench/hold")
        let mean = EngineBenchmark.meanIncrement
        var increments: [SimDuration] = []
        var priorities: [EventPriority] = []
        for _ in 0..<Self.size {
            switch kind {
            case .exponential: increments.append(stream.exponentialDuration(mean: mean))
            case .uniform: increments.append(SimDuration(micros: stream.uniform(in: 0...(2 * mean.micros))))
            }
            priorities.append(EventPriority(Int32(stream.uniform(below: EngineBenchmark.priorityCount))))
        }
        self.increments = increments
        self.priorities = priorities
    }

    subscript(index: Int) -> (SimDuration, EventPriority) {
        let wrapped = index & (Self.size - 1)
        return (increments[wrapped], priorities[wrapped])
    }
}

/// The result of an ``EngineBenchmark`` run: one row per queue size.
package struct EngineBenchmarkReport: Sendable {
    /// One queue size's median rates, in events per second.
    package struct Row: Sendable {
        /// Events pending throughout the measurement.
        package let pending: Int
        /// Holds per second on ``EventEngine``.
        package let engineRate: Double
        /// Holds per second on ``PlainBinaryHeap``.
        package let plainRate: Double
        /// Engine rate over plain-heap rate, the median of each round's ratio; below 1 means the engine is slower.
        ///
        /// Taken per round, from two measurements made back to back, so that load from other processes, which
        /// moves both rates, cancels out better than in a ratio of medians.
        package let ratio: Double
    }

    /// The settings that produced the report.
    package let benchmark: EngineBenchmark
    /// The rows, in the order of ``EngineBenchmark/pendingSizes``.
    package let rows: [Row]

    /// How the code under test was compiled: `release` or `debug` (`#if DEBUG` in this module).
    package static var buildConfiguration: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }

    /// The report as aligned plain text, headed by the settings and the machine.
    package var text: String {
        let header = ["pending events", "engine (M events/s)", "plain heap (M events/s)", "engine / plain"]
        let body = rows.map { row in
            [
                BenchmarkFormatting.grouped(row.pending), String(format: "%.2f", row.engineRate / 1e6),
                String(format: "%.2f", row.plainRate / 1e6), String(format: "%.3f", row.ratio),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + body).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "   ")
        }
        let b = benchmark
        var lines = [
            "shardsim bench engine: hold model (pop the earliest event, schedule one at its time + increment)",
            "build: \(Self.buildConfiguration), \(BenchmarkFormatting.machine)",
            "per measurement: \(BenchmarkFormatting.grouped(b.events)) holds after a warm-up; median of \(b.repeats) rounds"
                + " (ratio: median of the per-round ratios)",
            "increments: \(b.increments.rawValue), mean \(EngineBenchmark.meanIncrement.micros) µs, "
                + "\(EngineBenchmark.priorityCount) priorities, stream \"bench/hold\" seed \(b.seed)",
            "",
            line(header),
        ]
        lines += body.map(line)
        if Self.buildConfiguration == "debug" {
            lines += ["", "warning: debug build; for numbers worth keeping use `swift build -c release`"]
        }
        return lines.joined(separator: "\n")
    }
}
