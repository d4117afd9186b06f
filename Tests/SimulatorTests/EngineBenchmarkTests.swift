import Beacon
import Simulator
import Testing

/// The benchmark's baseline heap is correct, and the benchmark runs end to end and prints an aligned table.
@Suite struct EngineBenchmarkTests {
    @Test func thePlainHeapPopsInSortedOrder() {
        var heap = PlainBinaryHeap<EventKey>()
        var stream = RandomStream(runSeed: 8, name: "plain-heap")
        var keys: [EventKey] = []
        for sequence in 0..<5_000 as Range<UInt64> {
            let key = EventKey(
                time: micros(stream.uniform(below: 100)),
                priority: EventPriority(Int32(stream.uniform(below: 3))),
                sequence: sequence
            )
            keys.append(key)
            heap.insert(key)
        }
        #expect(heap.count == 5_000)
        let popped = Array(sequence(state: heap) { $0.popMin() })
        #expect(popped == keys.sorted(), "seed 8")
        var empty = PlainBinaryHeap<Int>()
        #expect(empty.popMin() == nil)
    }

    @Test(arguments: EngineBenchmark.Increments.allCases)
    func aTinyBenchmarkRunsAndPrintsOneAlignedRowPerQueueSize(increments: EngineBenchmark.Increments) {
        var benchmark = EngineBenchmark()
        benchmark.pendingSizes = [10, 1_000]
        benchmark.events = 2_000
        benchmark.repeats = 2
        benchmark.increments = increments
        var progressLines = 0
        let report = benchmark.run { _ in progressLines += 1 }
        #expect(progressLines == 4)
        #expect(report.rows.map(\.pending) == [10, 1_000])
        #expect(report.rows.allSatisfy { $0.engineRate > 0 && $0.plainRate > 0 && $0.ratio > 0 })

        let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false)
        let table = lines.drop { !$0.hasPrefix("pending") }.prefix(3)
        #expect(table.count == 3)
        #expect(Set(table.map(\.count)).count == 1, "table rows differ in width:\n\(table.joined(separator: "\n"))")
        #expect(table.last?.hasPrefix("         1,000") == true)
        #expect(report.text.contains("build: \(EngineBenchmarkReport.buildConfiguration)"))
    }
}
