import Foundation

/// Where the tool writes what is not its result.
enum Terminal {
    /// Writes `message` and a newline to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
