/// A 32-byte commitment: a state root, a block root or a receipt root.
///
/// Roots are values: two roots are equal when their bytes are. They print as `0x`-prefixed lowercase hex.
package struct Root: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The number of bytes in a root.
    package static let byteCount = 32

    /// The all-zero root, the pre-state of a freshly deployed EE unless its genesis says otherwise.
    package static let zero = Root(uncheckedBytes: [UInt8](repeating: 0, count: byteCount))

    /// The 32 bytes of the root.
    package let bytes: [UInt8]

    /// Creates a root from exactly 32 bytes; returns `nil` for any other length.
    package init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = Array(bytes)
    }

    /// Creates a root from a 64-digit hex string, with or without a `0x` prefix; returns `nil` otherwise.
    package init?(hex: some StringProtocol) {
        guard let bytes = HexCoding.decode(hex), bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    private init(uncheckedBytes: [UInt8]) {
        self.bytes = uncheckedBytes
    }

    /// The root as `0x` followed by 64 lowercase hex digits.
    package var hex: String { "0x" + HexCoding.encode(bytes) }

    package var description: String { hex }

    package static func < (lhs: Root, rhs: Root) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
