/// Counts the aliases in YAML text without parsing it, for ``InputLimits``.
///
/// A lexical approximation: an anchor is `&name` and an alias `*name` at the start of a token (after a line start,
/// a space, a tab or one of `[ { , : ? -`). Only aliases whose name some anchor defines are counted, so `*emphasis*`
/// in a description does not count unless an anchor has the same name. Over-counting only makes the guard stricter.
enum AliasCounter {
    /// The number of aliases in `text`, and the UTF-8 offset of the first alias beyond `limit` (if any).
    static func count(in text: String, limit: Int) -> (count: Int, offsetBeyondLimit: Int?) {
        let bytes = Array(text.utf8)
        var anchors = Set<ArraySlice<UInt8>>()
        var aliases: [(name: ArraySlice<UInt8>, offset: Int)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let startsToken = index == 0 || isTokenBoundary(bytes[index - 1])
            if startsToken && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*")) {
                var end = index + 1
                while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
                if end > index + 1 {
                    let name = bytes[(index + 1)..<end]
                    if byte == UInt8(ascii: "&") { anchors.insert(name) } else { aliases.append((name, index)) }
                }
                index = end
            } else {
                index += 1
            }
        }
        // Set membership only; the order of the result comes from `aliases`, which is in file order.
        let real = aliases.filter { anchors.contains($0.name) }
        let beyond = real.count > limit ? real[limit].offset : nil
        return (real.count, beyond)
    }

    private static func isTokenBoundary(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "["),
            UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// Anchor names run up to white space or a flow indicator.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            false
        default: true
        }
    }
}
