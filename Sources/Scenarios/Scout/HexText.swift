internal import Yams

/// Hex byte strings as Scout files write them: two digits per byte, either case, optional `0x`.
enum HexText {
    /// The bytes, or `nil` for an odd number of digits or a non-hex character.
    static func decode(_ text: String) -> [UInt8]? {
        var digits = Substring(text).trimmingSpaces().utf8[...]
        if digits.starts(with: "0x".utf8) || digits.starts(with: "0X".utf8) { digits = digits.dropFirst(2) }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8?
        for character in digits {
            guard let nibble = nibble(character) else { return nil }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension ReadContext {
    /// Reads a hex scalar of exactly `length` bytes (any length when `nil`), or reports the problem. `what` names
    /// the value, e.g. "a 32-byte state root"; `alternative` adds another accepted form to the message.
    mutating func hexBytes(
        _ node: Node, field: String, length: Int?, what: String, alternative: String = ""
    ) -> [UInt8]? {
        let digits = length.map { "\($0 * 2) hex digits" } ?? "hex digits, two per byte"
        let expected = "\(what) (\(digits), optional 0x)" + (alternative.isEmpty ? "" : " or \(alternative)")
        guard case .scalar(let scalar) = node else {
            invalid(node, field: field, expected: expected)
            return nil
        }
        // An empty plain scalar is YAML's null, but for data it means no bytes: `data:` and `data: ""` agree.
        let text = scalar.isNull && scalar.string.isEmpty ? "" : scalar.string
        guard let bytes = HexText.decode(text) else {
            invalid(node, field: field, expected: expected)
            return nil
        }
        if let length, bytes.count != length {
            invalid(node, field: field, expected: expected, found: bytes.count == 1 ? "1 byte" : "\(bytes.count) bytes")
            return nil
        }
        return bytes
    }
}
