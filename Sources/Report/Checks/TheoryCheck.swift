/// A check of a run against what theory says must hold, and its verdict.
public struct TheoryCheck: Sendable, Equatable {
    /// The verdict of a check.
    public enum Verdict: String, Sendable {
        case pass
        case fail
        /// The check's precondition does not hold (e.g. latency under congestion), so it says nothing.
        case notApplicable = "n/a"
    }

    public let name: String
    public let group: String
    public let verdict: Verdict
    /// What was compared, with the numbers.
    public let detail: String
}
