import ArgumentParser
import Simulator

/// A `shardsim bench` subcommand whose options make one benchmark's settings: the settings' own check is the
/// command's validation, and a failed measurement is an error on standard error and exit status 1.
package protocol BenchmarkSubcommand: ParsableCommand {
    associatedtype Settings: BenchmarkSettings
    /// The benchmark the options describe.
    var benchmark: Settings { get }
}

extension BenchmarkSubcommand {
    package func validate() throws {
        if let problem = benchmark.problem { throw ValidationError(problem + ".") }
    }

    /// The value of `measure`, or its error written to standard error and exit status 1.
    func reportingFailure<Value, Failure: Error & CustomStringConvertible>(
        _ measure: () throws(Failure) -> Value
    ) throws -> Value {
        do {
            return try measure()
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
