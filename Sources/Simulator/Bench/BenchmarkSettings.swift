/// The settings of one benchmark, which check themselves before anything is measured.
package protocol BenchmarkSettings: Sendable {
    /// Why these settings cannot run (naming the option and what it expects), or `nil`.
    var problem: String? { get }
}

extension BlockBenchmark: BenchmarkSettings {}
extension AccumulatorBenchmark: BenchmarkSettings {}
extension GenesisBenchmark: BenchmarkSettings {}
