/// An estimate of how wide text is drawn, so titles, tick labels and legend entries get room without a browser to
/// measure them.
///
/// The estimate is deliberately generous (an average sans-serif glyph is about 0.55 em; we count 0.62 em, wide
/// glyphs more and narrow ones less), so laid-out text never collides in any common font.
enum TextMetrics {
    /// The estimated width of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for char in text {
            switch char {
            case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!", " ", "(", ")", "[", "]", "f", "t", "r", "1":
                ems += 0.4
            case "m", "w", "M", "W", "@", "%", "—", "…":
                ems += 0.95
            case "A"..."Z":
                ems += 0.72
            default:
                ems += 0.62
            }
        }
        return ems * fontSize
    }

    /// `text`, shortened with an ellipsis to fit `width` at `fontSize`.
    static func fitting(_ text: String, width: Double, fontSize: Double) -> String {
        guard Self.width(text, fontSize: fontSize) > width else { return text }
        var shortened = text
        while !shortened.isEmpty, Self.width(shortened + "…", fontSize: fontSize) > width { shortened.removeLast() }
        return shortened + "…"
    }
}
