import Foundation

/// An output CSV file, written row by row and flushed after every slot so finished slots are on disk even if the
/// run is killed.
final class CSVFile {
    let schema: CSVSchema
    private let handle: FileHandle
    private var buffer = ""
    /// Bytes on disk after the last flush: what a checkpoint records, so a resumed run can truncate to it.
    private(set) var length: UInt64 = 0

    /// Creates (or truncates) `schema.file` in `folder` and writes the header row.
    init(_ schema: CSVSchema, in folder: URL) throws(SimulationError) {
        self.schema = schema
        let url = folder.appendingPathComponent(schema.file)
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else {
            throw .output(url.path, "cannot create the file")
        }
        self.handle = handle
        buffer = schema.header + "\n"
    }

    /// Reopens `schema.file` in `folder` for appending after truncating it to `length` bytes (a checkpoint's).
    init(resuming schema: CSVSchema, in folder: URL, length: UInt64) throws(SimulationError) {
        self.schema = schema
        let url = folder.appendingPathComponent(schema.file)
        guard let handle = try? FileHandle(forWritingTo: url) else { throw .output(url.path, "cannot reopen the file") }
        do {
            try handle.truncate(atOffset: length)
            try handle.seekToEnd()
        } catch {
            throw .output(
                url.path, "cannot truncate to the checkpoint (\(length) bytes): \(error.localizedDescription)")
        }
        self.handle = handle
        self.length = length
    }

    /// Queues a row; `fields` must match the schema's columns.
    func append(_ fields: [String]) {
        precondition(
            fields.count == schema.columns.count,
            "\(schema.file): \(fields.count) fields for \(schema.columns.count) columns")
        buffer += fields.joined(separator: ",")
        buffer += "\n"
    }

    /// Queues `row`, its fields in the order of `fields` (the declaration the schema's columns come from).
    func append<Row>(_ row: Row, _ fields: [CSVField<Row>]) {
        append(fields.map { $0.value(row) })
    }

    /// Writes the queued rows to disk.
    func flush() throws(SimulationError) {
        guard !buffer.isEmpty else { return }
        do {
            let data = Data(buffer.utf8)
            try handle.write(contentsOf: data)
            length += UInt64(data.count)
            try handle.synchronize()
        } catch {
            throw .output(schema.file, error.localizedDescription)
        }
        buffer = ""
    }

    /// Flushes and closes the file.
    func close() throws(SimulationError) {
        try flush()
        try? handle.close()
    }
}
