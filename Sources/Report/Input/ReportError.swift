/// Why a report could not be made: names the path and what was expected.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// The path is neither a run folder (with `run.json`) nor a folder of run folders.
    case notARun(String)
    /// A file could not be read or parsed.
    case unreadable(String, String)
    /// An output file could not be written.
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .notARun(let path):
            "\(path): expected a run folder (with run.json) or a comparison/sweep folder holding run folders"
        case .unreadable(let path, let why): "\(path): \(why)"
        case .cannotWrite(let path, let why): "\(path): cannot write: \(why)"
        }
    }
}
