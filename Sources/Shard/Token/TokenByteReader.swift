/// Little-endian encoding helpers for the token EE's formats.
extension [UInt8] {
    /// Appends `value` in little-endian byte order.
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

/// A cursor over bytes that reads little-endian integers and fixed-size fields, failing with the byte offset of a
/// short read.
struct TokenByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The bytes not read yet.
    var remaining: Int { bytes.count - offset }

    /// Reads a little-endian integer of type `T`.
    mutating func read<T: FixedWidthInteger>(_: T.Type, _ field: String) throws(TokenFormatError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw .truncated(field: field, offset: offset) }
        var value: T = 0
        for i in 0..<size { value |= T(bytes[offset + i]) << (8 * i) }
        offset += size
        return value
    }

    /// Reads `count` bytes.
    mutating func read(count: Int, _ field: String) throws(TokenFormatError) -> [UInt8] {
        guard remaining >= count else { throw .truncated(field: field, offset: offset) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }
}
