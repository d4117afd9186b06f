/// A column of an output file together with how a row of type `Row` fills it: declared once, so the header, the data
/// dictionary and every row's fields cannot drift apart.
struct CSVField<Row>: Sendable {
    let column: CSVColumn
    let value: @Sendable (Row) -> String

    init(_ name: String, _ unit: String, _ meaning: String, _ value: @escaping @Sendable (Row) -> String) {
        column = CSVColumn(name, unit, meaning)
        self.value = value
    }
}
