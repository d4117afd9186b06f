import Foundation

/// Where the tool writes what is not its result.
enum Terminal {
    /// Writes `message` and a newline to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Whether standard error is a terminal (someone watching) rather than a pipe or a log file.
    static let showsProgress = isatty(STDERR_FILENO) == 1

    /// Writes a progress `message` to standard error, only on a terminal: logs and pipes get results, not chatter.
    static func progress(_ message: String) {
        if showsProgress { error(message) }
    }
}
