import Foundation

/// The timing loop every `bench block` variant shares: one untimed warm-up round, then `repeats` timed rounds of
/// every measurement, in an order rotated each round so that drift (frequency scaling, other processes) does not
/// favour one row.
enum BenchmarkRounds {
    /// Times `measurements` (each returns a checksum of its work, so that nothing timed can be optimized away) and
    /// returns each one's wall and thread-CPU seconds per timed round; `progress` receives a line per round.
    static func time(
        _ measurements: [(BlockBenchmarkReport.Measurement, () -> UInt64)], repeats: Int,
        progress: (String) -> Void
    ) -> [BlockBenchmarkReport.Timing] {
        var samples = [[Double]](repeating: [], count: measurements.count)
        var cpuSamples = [[Double]](repeating: [], count: measurements.count)
        var sink: UInt64 = 0
        for round in 0...repeats {
            progress(round == 0 ? "warming up" : "round \(round) of \(repeats)")
            for step in 0..<measurements.count {
                let index = (step + round) % measurements.count
                let cpuStart = BlockBenchmark.threadCPUSeconds()
                let start = ContinuousClock.now
                sink &+= measurements[index].1()
                let elapsed = start.duration(to: .now)
                let cpu = BlockBenchmark.threadCPUSeconds() - cpuStart
                if round > 0 {
                    samples[index].append(BlockBenchmark.seconds(elapsed))
                    cpuSamples[index].append(cpu)
                }
            }
        }
        withExtendedLifetime(sink) {}
        return measurements.indices.map {
            BlockBenchmarkReport.Timing(
                measurement: measurements[$0].0, seconds: samples[$0], cpuSeconds: cpuSamples[$0])
        }
    }
}
