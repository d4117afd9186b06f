/// Why bytes are not a well-formed token block or witness. The EE traps on every one of these (the whole execution
/// fails); the message names the field and the byte offset.
package struct TokenFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case truncated
        case unsupportedVersion
        case depthTooLarge
        case unknownKind
        case trailingBytes
        case leafOrder
        case leafOutsideTree
        case proofLength
        case reservedByte
        case keyOrder
        case bitmapPadding
        case siblingCount
    }

    private let code: Code
    /// The sentence shown to the user.
    package let description: String

    static func truncated(field: String, offset: Int) -> TokenFormatError {
        TokenFormatError(code: .truncated, description: "token block ends inside \(field) at byte \(offset)")
    }

    static func unsupportedVersion(_ version: UInt8) -> TokenFormatError {
        TokenFormatError(
            code: .unsupportedVersion,
            description: "token block version is \(version); this EE reads version \(TokenBlock.version)"
        )
    }

    static func depthTooLarge(_ depth: UInt8) -> TokenFormatError {
        TokenFormatError(
            code: .depthTooLarge,
            description: "token tree depth is \(depth); at most \(TokenTree.maxDepth) is allowed"
        )
    }

    static func unknownKind(_ kind: UInt8, transaction: Int, offset: Int) -> TokenFormatError {
        TokenFormatError(
            code: .unknownKind,
            description: "transaction \(transaction) at byte \(offset) has kind \(kind); expected 0, 1 or 2"
        )
    }

    static func trailingBytes(_ count: Int, offset: Int) -> TokenFormatError {
        TokenFormatError(
            code: .trailingBytes,
            description: "token block has \(count) bytes after its witness, from byte \(offset)"
        )
    }

    static func leafOrder(position: Int, index: UInt32) -> TokenFormatError {
        TokenFormatError(
            code: .leafOrder,
            description: "witness leaf \(position) has index \(index), not above the previous one "
                + "(leaves must be sorted and unique)"
        )
    }

    static func leafOutsideTree(position: Int, index: UInt32, depth: Int) -> TokenFormatError {
        TokenFormatError(
            code: .leafOutsideTree,
            description: "witness leaf \(position) has index \(index), outside a tree of depth \(depth)"
        )
    }

    static func proofLength(expected: Int, found: Int) -> TokenFormatError {
        TokenFormatError(
            code: .proofLength,
            description: "witness has \(found) proof hashes; its leaves need exactly \(expected)"
        )
    }

    static func reservedByte(_ value: UInt8) -> TokenFormatError {
        TokenFormatError(code: .reservedByte, description: "sparse token block byte 1 is \(value); it must be 0")
    }

    static func keyOrder(position: Int) -> TokenFormatError {
        TokenFormatError(
            code: .keyOrder,
            description: "witness leaf \(position)'s key keccak256(address) is not above the previous leaf's "
                + "(leaves must be sorted by key and unique)"
        )
    }

    static func bitmapPadding(offset: Int) -> TokenFormatError {
        TokenFormatError(
            code: .bitmapPadding, description: "witness bitmap byte at \(offset) has padding bits set; they must be 0")
    }

    static func siblingCount(found: Int, consumed: Int) -> TokenFormatError {
        TokenFormatError(
            code: .siblingCount,
            description:
                "witness has \(found) siblings; its leaves need \(consumed == found + 1 ? "more" : "exactly \(consumed)")"
        )
    }
}
