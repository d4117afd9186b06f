/// A column of an output CSV file, with its unit and meaning for the data dictionary.
struct CSVColumn: Sendable {
    let name: String
    let unit: String
    let meaning: String

    init(_ name: String, _ unit: String, _ meaning: String) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
    }
}

/// The columns of one output file: the header row and its part of the data dictionary come from the same list, so
/// they cannot drift apart.
struct CSVSchema: Sendable {
    let file: String
    let description: String
    let columns: [CSVColumn]

    var header: String { columns.map(\.name).joined(separator: ",") }
}
