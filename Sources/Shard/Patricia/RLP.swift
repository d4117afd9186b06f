/// Recursive Length Prefix, Ethereum's serialization (Yellow Paper appendix B): an item is a byte string or a list of
/// items. Written here by hand (no RLP library is in the package mirror); it covers what the Patricia trie and its
/// accounts need, and nothing of RLP is left out.
///
/// - A single byte below `0x80` is itself.
/// - A string of 0–55 bytes is `0x80 + length` then the bytes; a longer one is `0xb7 + lengthOfLength`, the length
///   big-endian, then the bytes.
/// - A list whose items encode to 0–55 bytes is `0xc0 + length` then the items; a longer one `0xf7 + lengthOfLength`,
///   the length, then the items.
package enum RLP: Hashable, Sendable {
    /// A byte string.
    case bytes([UInt8])
    /// A list of items.
    case list([RLP])

    /// The scalar `value` as RLP expects integers: big-endian with no leading zero bytes (zero is the empty string).
    package static func integer(_ value: UInt64) -> RLP { .bytes(bigEndianMinimal(value)) }

    /// `value`'s big-endian bytes without leading zeros (empty for zero).
    package static func bigEndianMinimal(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while rest > 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
        return bytes.reversed()
    }

    /// The encoding.
    package var encoded: [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    /// Appends the encoding to `out`.
    package func encode(into out: inout [UInt8]) {
        switch self {
        case .bytes(let bytes):
            if bytes.count == 1 && bytes[0] < 0x80 {
                out.append(bytes[0])
            } else {
                Self.appendHeader(length: bytes.count, shortBase: 0x80, into: &out)
                out.append(contentsOf: bytes)
            }
        case .list(let items):
            var payload: [UInt8] = []
            for item in items { item.encode(into: &payload) }
            Self.appendHeader(length: payload.count, shortBase: 0xc0, into: &out)
            out.append(contentsOf: payload)
        }
    }

    /// Appends the header of a string (`shortBase` 0x80) or list (0xc0) whose payload is `length` bytes.
    package static func appendHeader(length: Int, shortBase: UInt8, into out: inout [UInt8]) {
        if length < 56 {
            out.append(shortBase + UInt8(length))
        } else {
            let lengthBytes = bigEndianMinimal(UInt64(length))
            out.append(shortBase + 55 + UInt8(lengthBytes.count))
            out.append(contentsOf: lengthBytes)
        }
    }

    /// Decodes exactly one item filling `bytes`.
    package init(decoding bytes: [UInt8]) throws(RLPError) {
        var offset = 0
        self = try Self.decodeItem(bytes, at: &offset, end: bytes.count)
        guard offset == bytes.count else { throw .trailingBytes(offset: offset) }
    }

    /// The extent of the item starting at `offset` (header and payload) in `bytes[..<end]`: where its payload starts,
    /// how long it is, and whether it is a list. Rejects non-canonical headers (a long form for a short length, a
    /// length with leading zeros, a single byte below 0x80 written as a one-byte string).
    package static func header(_ bytes: [UInt8], at offset: Int, end: Int) throws(RLPError) -> (
        payload: Int, length: Int, isList: Bool
    ) {
        guard offset < end else { throw .truncated(offset: offset) }
        let first = bytes[offset]
        switch first {
        case 0x00..<0x80:
            return (offset, 1, false)
        case 0x80..<0xb8, 0xc0..<0xf8:
            let isList = first >= 0xc0
            let length = Int(first - (isList ? 0xc0 : 0x80))
            guard end - (offset + 1) >= length else { throw .truncated(offset: offset) }
            if !isList && length == 1 && bytes[offset + 1] < 0x80 { throw .nonCanonical(offset: offset) }
            return (offset + 1, length, isList)
        default:
            let isList = first >= 0xf8
            let lengthOfLength = Int(first - (isList ? 0xf7 : 0xb7))
            guard end - (offset + 1) >= lengthOfLength else { throw .truncated(offset: offset) }
            guard bytes[offset + 1] != 0, lengthOfLength <= 4 else { throw .nonCanonical(offset: offset) }
            var length = 0
            for i in 0..<lengthOfLength { length = length << 8 | Int(bytes[offset + 1 + i]) }
            guard length >= 56 else { throw .nonCanonical(offset: offset) }
            let payload = offset + 1 + lengthOfLength
            guard end - payload >= length else { throw .truncated(offset: offset) }
            return (payload, length, isList)
        }
    }

    private static func decodeItem(_ bytes: [UInt8], at offset: inout Int, end: Int) throws(RLPError) -> RLP {
        let (payload, length, isList) = try header(bytes, at: offset, end: end)
        offset = payload + length
        guard isList else { return .bytes(Array(bytes[payload..<payload + length])) }
        var items: [RLP] = []
        var position = payload
        while position < payload + length {
            items.append(try decodeItem(bytes, at: &position, end: payload + length))
        }
        return .list(items)
    }

    /// The list's items, or `nil` for a string.
    package var items: [RLP]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The string's bytes, or `nil` for a list.
    package var byteString: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }

    /// The string as a canonical RLP integer of at most `maxBytes` bytes (no leading zero), or `nil`.
    package func integer(maxBytes: Int) -> UInt64? {
        guard let bytes = byteString, bytes.count <= maxBytes, bytes.first != 0 else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Why bytes are not one canonical RLP item.
package enum RLPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An item's header or payload runs past the end of its enclosing data.
    case truncated(offset: Int)
    /// A header that RLP would have written shorter.
    case nonCanonical(offset: Int)
    /// Bytes follow the item.
    case trailingBytes(offset: Int)

    package var description: String {
        switch self {
        case .truncated(let offset): "RLP item at byte \(offset) runs past the end of its data"
        case .nonCanonical(let offset): "RLP item at byte \(offset) has a non-canonical header"
        case .trailingBytes(let offset): "bytes follow the RLP item, from byte \(offset)"
        }
    }
}
