/// Nibble paths and their hex-prefix encoding (Yellow Paper appendix C), as a Patricia trie's leaves and extensions
/// store them.
///
/// A key of bytes is the path of its nibbles, high nibble first. Hex-prefix packs a path into bytes with a flag in
/// the first nibble: `2` for a leaf, `0` for an extension, plus `1` when the path has an odd number of nibbles, in
/// which case the first nibble of the path shares the first byte; an even path gets a zero nibble of padding.
package enum HexPrefix {
    /// The nibbles of `bytes`, high nibble of each byte first.
    package static func nibbles(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(2 * bytes.count)
        for byte in bytes {
            out.append(byte >> 4)
            out.append(byte & 0x0f)
        }
        return out
    }

    /// The hex-prefix encoding of `path` (nibbles 0–15) for a leaf (`isLeaf`) or an extension.
    package static func encode(_ path: some Collection<UInt8>, isLeaf: Bool) -> [UInt8] {
        let flag: UInt8 = isLeaf ? 2 : 0
        var nibbles = Array(path)
        var out: [UInt8] = []
        out.reserveCapacity(nibbles.count / 2 + 1)
        if nibbles.count % 2 == 1 {
            out.append((flag + 1) << 4 | nibbles[0])
            nibbles.removeFirst()
        } else {
            out.append(flag << 4)
        }
        var i = 0
        while i < nibbles.count {
            out.append(nibbles[i] << 4 | nibbles[i + 1])
            i += 2
        }
        return out
    }

    /// The path and leaf flag of hex-prefix `bytes`, or `nil` when they are empty or their flag nibble is not 0–3
    /// (or an even path's padding nibble is not zero).
    package static func decode(_ bytes: [UInt8]) -> (path: [UInt8], isLeaf: Bool)? {
        guard let first = bytes.first, first >> 4 <= 3 else { return nil }
        let flag = first >> 4
        let odd = flag & 1 == 1
        if !odd && first & 0x0f != 0 { return nil }
        var path: [UInt8] = odd ? [first & 0x0f] : []
        path.append(contentsOf: nibbles(bytes.dropFirst()))
        return (path, flag >= 2)
    }
}
