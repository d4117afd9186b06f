/// Dotted field paths as they appear in messages and sweeps: `beacon.slotDuration`, `ees[1].deposit`.
enum FieldPath {
    /// `parent.key`, or `key` at the top level.
    static func child(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    /// `parent[index]`.
    static func element(_ parent: String, _ index: Int) -> String { "\(parent)[\(index)]" }
}
