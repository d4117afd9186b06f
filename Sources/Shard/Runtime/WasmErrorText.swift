/// WasmKit's errors worded as ours: its parser error prints an internal `Message(text: "…")` wrapper, so that wrapper
/// is taken off and the byte offset said plainly.
enum WasmErrorText {
    /// A sentence for `error`, e.g. `duplicate export name "main" (at byte 0x2a)`.
    static func describe(_ error: any Error) -> String {
        var text = String(describing: error)
        let wrapper = "\"Message(text: \""
        if text.hasPrefix(wrapper), let close = text.range(of: "\")\"", options: .backwards) {
            let message = text[text.index(text.startIndex, offsetBy: wrapper.count)..<close.lowerBound]
            let rest = text[close.upperBound...].trimmingPrefix(" ")
            text =
                rest.hasPrefix("at offset ")
                ? "\(message) (at byte \(rest.dropFirst("at offset ".count)))" : String(message)
        }
        return text.hasPrefix("Trap: ") ? String(text.dropFirst("Trap: ".count)) : text
    }
}
