/// A primitive stored as one plain value — ids, slots, times and amounts as their integer, a root as its `0x` hex —
/// so a stored state (a checkpoint) reads like the outputs. Conforming gives the type its `Codable` conformance.
package protocol StoredAsPlainValue: Codable {
    /// What is stored: an integer, or a string.
    associatedtype PlainValue: Codable & CustomStringConvertible

    /// The value stored for `self`.
    var plainValue: PlainValue { get }

    /// The primitive `plainValue` stands for, or `nil` when it stands for none (decoding then fails with it named).
    init?(plainValue: PlainValue)
}

extension StoredAsPlainValue {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let plain = try container.decode(PlainValue.self)
        guard let value = Self(plainValue: plain) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(plain)' is not a \(Self.self)")
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plainValue)
    }
}
