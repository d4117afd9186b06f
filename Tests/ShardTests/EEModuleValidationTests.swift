import Testing

@testable import Shard

/// A module WasmKit parses but could never instantiate is rejected when it is loaded, with the reason, instead of
/// loading and then failing every block alike with "instantiation failed".
@Suite struct EEModuleValidationTests {
    /// The module header, and sections in the binary format: `id`, size, contents.
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
    static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] { [id, UInt8(contents.count)] + contents }
    static let mainName: [UInt8] = [4] + Array("main".utf8)
    /// One type `() -> ()`, one function of it whose body is empty.
    static let emptyFunction =
        section(1, [1, 0x60, 0, 0]) + section(3, [1, 0])
    static let emptyBody = section(10, [1, 2, 0, 0x0b])
    static func exports(_ entries: [[UInt8]]) -> [UInt8] { section(7, [UInt8(entries.count)] + entries.flatMap { $0 }) }
    static let exportMain = mainName + [0, 0]

    static let invalid: [(name: String, code: [UInt8], reason: String)] = [
        ("main exported twice", header + emptyFunction + exports([exportMain, exportMain]) + emptyBody, "main"),
        (
            "a second memory",
            header + emptyFunction + section(5, [2, 0, 1, 0, 1]) + exports([exportMain]) + emptyBody, "memor"
        ),
        (
            "a memory whose minimum is above its maximum",
            header + emptyFunction + section(5, [1, 1, 2, 1]) + exports([exportMain]) + emptyBody, "m"
        ),
        (
            "main with a parameter",
            header + section(1, [1, 0x60, 1, 0x7f, 0]) + section(3, [1, 0]) + exports([exportMain])
                + section(10, [1, 2, 0, 0x0b]), "main"
        ),
    ]

    @Test("An invalid module is rejected at load, naming the EE and why", arguments: invalid.indices)
    func rejectedAtLoad(_ index: Int) {
        let example = Self.invalid[index]
        do {
            _ = try EEModule(name: "bad", code: example.code)
            Issue.record("\(example.name): loaded")
        } catch {
            #expect(error.description.hasPrefix("EE 'bad' is not a valid wasm module: "), "\(example.name)")
            #expect(error.description.contains(example.reason), "\(example.name): \(error)")
            #expect(!error.description.contains("Message(text:"), "\(example.name): \(error)")
        }
    }

    @Test("A valid module with an empty main still loads")
    func validLoads() throws {
        let module = try EEModule(
            name: "ok", code: Self.header + Self.emptyFunction + Self.exports([Self.exportMain]) + Self.emptyBody)
        #expect(module.initialMemoryBytes == 0)
    }

    @Test("A file that is not there is named, in our words")
    func missingFile() {
        do {
            _ = try EEModule(contentsOf: .init(fileURLWithPath: "/nonexistent/ee.wasm"))
            Issue.record("loaded")
        } catch {
            #expect(error.description == "cannot read EE file '/nonexistent/ee.wasm': no such file")
        }
    }
}
