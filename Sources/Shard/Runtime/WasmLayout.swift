/// What WasmKit's parser keeps private but loading an EE must check: the memories a module defines and the type
/// index of each function it defines, read from the binary's memory and function sections.
///
/// Only those two sections are decoded (the format is in the WebAssembly core specification, "Binary format",
/// sections 5.5.8 and 5.5.6); the rest of the module has already been parsed and validated by WasmKit.
struct WasmLayout: Equatable {
    /// One linear memory's limits, in 64 KiB pages.
    struct MemoryLimits: Equatable {
        var minimumPages: UInt64
        var maximumPages: UInt64?
    }

    /// The memories the module defines (imported memories are refused elsewhere: EEs import only functions).
    var memories: [MemoryLimits] = []
    /// The type index of each function the module defines, in order (imported functions come before them in the
    /// function index space).
    var functionTypes: [UInt32] = []

    /// Bytes in one wasm page.
    static let pageBytes: UInt64 = 65_536

    /// Reads the layout of `code`, a module WasmKit has already parsed; `nil` if the sections cannot be read.
    init?(_ code: [UInt8]) {
        var reader = Reader(bytes: code, offset: 8)  // magic and version
        while reader.offset < code.count {
            guard let id = reader.byte(), let size = reader.leb(), let end = reader.offset.addingChecked(size),
                end <= code.count
            else { return nil }
            var section = Reader(bytes: code, offset: reader.offset, end: end)
            switch id {
            case 3:
                guard let count = section.leb() else { return nil }
                for _ in 0..<count {
                    guard let type = section.leb(), let index = UInt32(exactly: type) else { return nil }
                    functionTypes.append(index)
                }
            case 5:
                guard let count = section.leb() else { return nil }
                for _ in 0..<count {
                    guard let flags = section.byte(), let minimum = section.leb() else { return nil }
                    var limits = MemoryLimits(minimumPages: minimum, maximumPages: nil)
                    if flags & 1 == 1 {
                        guard let maximum = section.leb() else { return nil }
                        limits.maximumPages = maximum
                    }
                    memories.append(limits)
                }
            default:
                break
            }
            reader.offset = end
        }
    }

    /// A cursor over a range of the module's bytes.
    private struct Reader {
        let bytes: [UInt8]
        var offset: Int
        var end: Int

        init(bytes: [UInt8], offset: Int, end: Int? = nil) {
            self.bytes = bytes
            self.offset = offset
            self.end = end ?? bytes.count
        }

        mutating func byte() -> UInt8? {
            guard offset < end else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        /// An unsigned LEB128 number of up to 64 bits.
        mutating func leb() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = byte() {
                guard shift < 64 else { return nil }
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
    }
}

extension Int {
    /// `self + amount`, or `nil` when it overflows or `amount` is not an `Int`.
    fileprivate func addingChecked(_ amount: UInt64) -> Int? {
        guard let amount = Int(exactly: amount) else { return nil }
        let (sum, overflow) = addingReportingOverflow(amount)
        return overflow ? nil : sum
    }
}
