import Foundation

/// Text shared by the benchmark reports: the machine they ran on and grouped digits.
enum BenchmarkFormatting {
    /// Architecture, OS, core count and, on Linux, the CPU model.
    static var machine: String {
        #if arch(x86_64)
            let arch = "x86_64"
        #elseif arch(arm64)
            let arch = "arm64"
        #else
            let arch = "unknown architecture"
        #endif
        #if os(Linux)
            let os = "Linux"
        #elseif os(macOS)
            let os = "macOS"
        #else
            let os = "unknown OS"
        #endif
        var parts = ["\(arch) \(os)", "\(ProcessInfo.processInfo.activeProcessorCount) cores"]
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let model = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let name = model.split(separator: ":", maxSplits: 1).last
        {
            parts.append(name.trimmingCharacters(in: .whitespaces))
        }
        return parts.joined(separator: ", ")
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
