internal import Yams

extension Node.Scalar {
    /// Whether this scalar is YAML's null: an empty plain scalar, `~` or `null`.
    var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }
}
