/// Line and column arithmetic on raw text, for problems found before or outside the YAML parser (invalid UTF-8,
/// reader errors that Yams reports as an offset).
///
/// Columns count Unicode scalars, as libyaml's do, so both kinds of location agree.
enum TextPosition {
    /// The 1-based line and column of the byte at `offset` in `bytes` (UTF-8 up to `offset`).
    static func location(ofUTF8Offset offset: Int, in bytes: some Collection<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var previous: UInt8 = 0
        for byte in bytes.prefix(max(offset, 0)) {
            if byte == UInt8(ascii: "\n") {
                // `\r\n` was already counted at the `\r`.
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
            } else if byte & 0b1100_0000 != 0b1000_0000 {
                // Count only the first byte of each scalar.
                column += 1
            }
            previous = byte
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The 1-based location of the character at `offset` (in `Character`s, as Yams reports reader errors).
    static func location(ofCharacterOffset offset: Int, in text: String, file: String) -> SourceLocation {
        let index = text.index(text.startIndex, offsetBy: max(offset, 0), limitedBy: text.endIndex) ?? text.endIndex
        return location(ofUTF8Offset: text.utf8.distance(from: text.startIndex, to: index), in: text.utf8, file: file)
    }

    /// The UTF-8 offset of the first byte that is not valid UTF-8, or `nil` if all of `bytes` is valid.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
