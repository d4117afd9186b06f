import Foundation

/// A CSV file read whole, whose columns are found by header name, never by position, so files written by newer
/// versions (with columns added or moved) still read.
public struct CSVTable: Sendable {
    /// The header row.
    public let header: [String]
    /// The data rows; each has as many fields as the header (short rows are padded with empty fields).
    public let rows: [[String]]

    /// Parses `text`: the first line is the header. Fields may be quoted with `"` (a doubled `""` is a quote).
    public init(text: String) {
        var lines = Self.records(text)
        header = lines.isEmpty ? [] : lines.removeFirst()
        let width = header.count
        rows = lines.map { $0.count >= width ? $0 : $0 + Array(repeating: "", count: width - $0.count) }
    }

    /// A table from its parts, e.g. a filtered copy of another.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Reads `url`; `nil` when the file does not exist.
    public init?(contentsOf url: URL) throws(ReportError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw .unreadable(url.path, "not UTF-8 text")
        }
        self.init(text: text)
    }

    /// The position of the column named `name`, if present.
    public func index(of name: String) -> Int? { header.firstIndex(of: name) }

    /// Every value of column `name`, in row order; `nil` when there is no such column.
    public func column(_ name: String) -> [String]? {
        guard let index = index(of: name) else { return nil }
        return rows.map { $0[index] }
    }

    /// The numeric values of column `name`, skipping empty or non-numeric fields.
    public func numbers(_ name: String) -> [Double] {
        (column(name) ?? []).compactMap { Double($0) }
    }

    private static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let char = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if char == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.append(char)
                }
                continue
            }
            switch char {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\n", "\r\n":
                record.append(field)
                field = ""
                records.append(record)
                record = []
            default: field.append(char)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
