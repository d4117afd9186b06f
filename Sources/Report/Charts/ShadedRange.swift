/// A range of the x axis shaded behind the data, e.g. the window of a demand spike, with a short label.
public struct ShadedRange: Sendable, Equatable {
    public var from: Double
    public var until: Double
    public var label: String

    public init(from: Double, until: Double, label: String) {
        self.from = from
        self.until = until
        self.label = label
    }
}
