/// Where each legend entry goes: rows below the plot, left to right, wrapped so no entry crosses the chart's edge
/// and no two overlap. Names too long for a row are shortened with an ellipsis.
struct LegendLayout: Sendable {
    /// One entry's box (swatch and text) and the text drawn in it.
    struct Entry: Sendable {
        let x: Double
        let y: Double
        let width: Double
        let height: Double
        let text: String
    }

    static let fontSize = 12.0
    static let rowHeight = 18.0
    static let swatch = 14.0
    static let gap = 18.0

    let entries: [Entry]
    /// The total height of the rows.
    let height: Double

    /// Lays out `names` in rows starting at (`left`, `top`), no wider than `width`.
    init(names: [String], left: Double, top: Double, width: Double) {
        var entries: [Entry] = []
        var x = left
        var y = top
        for name in names {
            let text = TextMetrics.fitting(name, width: width - Self.swatch - 6, fontSize: Self.fontSize)
            let entryWidth = Self.swatch + 6 + TextMetrics.width(text, fontSize: Self.fontSize)
            if x > left, x + entryWidth > left + width {
                x = left
                y += Self.rowHeight
            }
            entries.append(Entry(x: x, y: y, width: entryWidth, height: Self.rowHeight - 4, text: text))
            x += entryWidth + Self.gap
        }
        self.entries = entries
        height = names.isEmpty ? 0 : y - top + Self.rowHeight
    }
}
