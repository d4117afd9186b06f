/// Why bytes are not a block of the Patricia token EE: the EE traps on each (`Documentation/PatriciaTokenEE.md`,
/// *Failures*). The description names the field and the byte offset.
package struct PatriciaFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The sentence shown to the user.
    package let description: String

    init(_ description: String) { self.description = description }

    static func truncated(_ field: String, offset: Int) -> PatriciaFormatError {
        PatriciaFormatError("\(field) at byte \(offset) runs past the end of the block data")
    }

    static func unsupportedVersion(_ version: UInt8) -> PatriciaFormatError {
        PatriciaFormatError("block version is \(version), expected \(PatriciaBlock.version)")
    }

    static func transaction(_ error: TokenFormatError) -> PatriciaFormatError {
        PatriciaFormatError("\(error)")
    }

    static func node(_ index: Int, offset: Int, _ problem: String) -> PatriciaFormatError {
        PatriciaFormatError("witness node \(index) at byte \(offset): \(problem)")
    }

    static func nodeCount(declared: Int, walked: Int) -> PatriciaFormatError {
        PatriciaFormatError("the witness declares \(declared) nodes but its structure holds \(walked)")
    }

    static func duplicateAccount(_ number: UInt32) -> PatriciaFormatError {
        PatriciaFormatError("the witness holds account \(number) twice")
    }

    static func trailingBytes(_ count: Int, offset: Int) -> PatriciaFormatError {
        PatriciaFormatError("\(count) bytes follow the witness, from byte \(offset)")
    }
}
