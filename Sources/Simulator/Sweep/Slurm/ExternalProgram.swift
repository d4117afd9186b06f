import Foundation
import Synchronization

/// A program on `PATH` run to completion, with what it printed: how the sweep talks to Slurm's own tools.
struct ExternalProgram {
    /// What a finished program left.
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The program's name, e.g. `sbatch`.
    let name: String

    /// The program's full path, found on `PATH`.
    func location() throws(SweepError) -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw .missingProgram(name)
    }

    /// Runs the program with `arguments` and waits for it.
    func run(_ arguments: [String]) throws(SweepError) -> Result {
        let process = Process()
        process.executableURL = try location()
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .schedulerFailed(command: commandLine(arguments), status: -1, output: error.localizedDescription)
        }
        // Read the error pipe on another thread, so neither pipe can fill up and block the program.
        let errorData = ErrorCollector()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1_000) }
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.data, as: UTF8.self))
    }

    /// `name arguments…`, for messages.
    func commandLine(_ arguments: [String]) -> String {
        ([name] + arguments).joined(separator: " ")
    }
}

/// The standard error of a program, handed from the reading thread to the waiting one.
private final class ErrorCollector: Sendable {
    private let stored = Mutex<Data?>(nil)
    func set(_ data: Data) { stored.withLock { $0 = data } }
    var isSet: Bool { stored.withLock { $0 != nil } }
    var data: Data { stored.withLock { $0 ?? Data() } }
}
