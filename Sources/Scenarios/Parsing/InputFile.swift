import Foundation

/// Reads input files with a size bound, so that a huge file or a device such as `/dev/zero` cannot exhaust memory.
enum InputFile {
    /// The file's bytes, or an `unreadableFile` / `fileTooLarge` error.
    static func read(_ url: URL, limits: InputLimits, file: String) throws(ScenarioErrors) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ScenarioErrors(ScenarioError(.unreadableFile, at: .wholeFile(file), found: "no such file"))
        }
        guard !isDirectory.boolValue else {
            throw ScenarioErrors(ScenarioError(.unreadableFile, at: .wholeFile(file), found: "it is a directory"))
        }
        // Opening a FIFO blocks until a writer appears, and a device never ends: only regular files are read.
        if let kind = nonRegularKind(url) {
            throw ScenarioErrors(
                ScenarioError(.unreadableFile, at: .wholeFile(file), found: "it is \(kind), not a regular file"))
        }
        let data: Data?
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // One byte more than allowed tells "exactly at the limit" from "too large" without reading it all.
            data = try handle.read(upToCount: limits.maximumBytes + 1)
        } catch {
            throw ScenarioErrors(
                ScenarioError(.unreadableFile, at: .wholeFile(file), found: error.localizedDescription))
        }
        let bytes = [UInt8](data ?? Data())
        guard bytes.count <= limits.maximumBytes else {
            throw ScenarioErrors(
                ScenarioError(
                    .fileTooLarge, at: .wholeFile(file), expected: "a file of at most \(limits.maximumBytes) bytes",
                    found: "a larger file"))
        }
        return bytes
    }

    /// What `url` is when it is not a regular file (after following symbolic links), e.g. "a FIFO"; `nil` for a
    /// regular file.
    static func nonRegularKind(_ url: URL) -> String? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        switch attributes?[.type] as? FileAttributeType {
        case .typeRegular?, nil: return nil
        case .typeCharacterSpecial?: return "a character device"
        case .typeBlockSpecial?: return "a block device"
        case .typeSocket?: return "a socket"
        case .typeDirectory?: return "a directory"
        default: return "a FIFO or other special file"
        }
    }
}
