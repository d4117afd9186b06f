import Beacon
import Crypto
import Foundation
@_spi(Fuzzing) import WasmKit

/// An execution environment's code, parsed once and instantiated afresh for every execution.
///
/// The EE's identity is the SHA-256 of its wasm bytes (``codeHash``): two EEs with the same code are the same EE.
/// Loading checks what can be checked before anything runs: the module parses, exports `main`, and imports only
/// host functions the runtime provides (see `Documentation/HostFunctions.md`).
package final class EEModule: Sendable {
    /// A short name for messages and outputs (the file name without extension, or a registry name).
    package let name: String
    /// The wasm bytes as loaded.
    package let code: [UInt8]
    /// SHA-256 of ``code``.
    package let codeHash: Root
    /// The parsed module.
    let module: Module
    /// The host functions the module imports, bound afresh for every execution.
    let hostImports: [HostFunction]
    /// The size of the module's memory when an execution starts (0 without a memory): an execution under a
    /// smaller memory limit cannot even begin.
    package let initialMemoryBytes: UInt64

    /// Parses `code` as an EE named `name`.
    ///
    /// - Throws: ``EELoadError`` when the bytes are not a valid wasm module, `main` is missing or has a signature
    ///   other than `() -> ()`, or an import is not one the runtime provides.
    package init(name: String, code: [UInt8]) throws(EELoadError) {
        self.name = name
        self.code = code
        self.codeHash = Root(bytes: Array(SHA256.hash(data: code)))!
        do {
            self.module = try parseWasm(bytes: code)
        } catch {
            throw .invalidModule(name: name, reason: WasmErrorText.describe(error))
        }
        var hostImports: [HostFunction] = []
        for entry in module.imports {
            guard entry.module == "env", case .function = entry.descriptor,
                let function = HostFunctionTable.byName[entry.name]
            else {
                throw .unsupportedImport(name: name, module: entry.module, field: entry.name)
            }
            hostImports.append(function)
        }
        self.hostImports = hostImports
        // WasmKit checks these only when instantiating, so without this every block would fail alike.
        var exportNames = Set<String>()
        for export in module.exports where !exportNames.insert(export.name).inserted {
            throw .invalidModule(name: name, reason: "it exports '\(export.name)' twice")
        }
        guard let layout = WasmLayout(code) else {
            throw .invalidModule(name: name, reason: "its function or memory section cannot be read")
        }
        guard layout.memories.count <= 1 else {
            throw .invalidModule(name: name, reason: "it defines \(layout.memories.count) memories; wasm allows one")
        }
        if let memory = layout.memories.first {
            if let maximum = memory.maximumPages, maximum < memory.minimumPages {
                throw .invalidModule(
                    name: name,
                    reason:
                        "its memory's minimum (\(memory.minimumPages) pages) is above its maximum (\(maximum) pages)")
            }
            guard memory.minimumPages <= 65_536 else {
                throw .invalidModule(
                    name: name,
                    reason: "its memory's minimum (\(memory.minimumPages) pages) is above 4 GiB (65536 pages)")
            }
        }
        initialMemoryBytes = (layout.memories.first?.minimumPages ?? 0) * WasmLayout.pageBytes
        let main = module.exports.lazy.compactMap { export -> UInt32? in
            guard export.name == "main", case .function(let index) = export.descriptor else { return nil }
            return index
        }.first
        guard let main else {
            throw .missingMain(name: name)
        }
        let importedFunctions = UInt32(hostImports.count)
        if main >= importedFunctions, layout.functionTypes.indices.contains(Int(main - importedFunctions)),
            let type = module.functionType(at: layout.functionTypes[Int(main - importedFunctions)]),
            !type.parameters.isEmpty || !type.results.isEmpty
        {
            throw .invalidModule(
                name: name,
                reason: "its 'main' takes \(type.parameters.count) parameter(s) and returns \(type.results.count) "
                    + "value(s); main must take none and return none")
        }
    }

    /// Reads and parses the wasm file at `url`; the EE is named after the file.
    package convenience init(contentsOf url: URL) throws(EELoadError) {
        let bytes: [UInt8]
        // Reading a FIFO would block until a writer appears, and a device never ends.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw .unreadable(path: url.path, reason: "it is not a regular file")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .unreadable(path: url.path, reason: "no such file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            // Foundation's own wording here is "NSCocoaErrorDomain error 256" on Linux.
            throw .unreadable(path: url.path, reason: "the file cannot be read (check its permissions)")
        }
        bytes = [UInt8](data)
        try self.init(name: url.deletingPathExtension().lastPathComponent, code: bytes)
    }
}

/// Why an EE could not be loaded. The message names the EE and what was wrong with it.
package struct EELoadError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case unreadable
        case invalidModule
        case missingMain
        case unsupportedImport
        case unknownBuiltin
    }

    private let code: Code
    /// The sentence shown to the user.
    package let description: String

    static func unreadable(path: String, reason: String) -> EELoadError {
        EELoadError(code: .unreadable, description: "cannot read EE file '\(path)': \(reason)")
    }

    static func invalidModule(name: String, reason: String) -> EELoadError {
        EELoadError(code: .invalidModule, description: "EE '\(name)' is not a valid wasm module: \(reason)")
    }

    static func missingMain(name: String) -> EELoadError {
        EELoadError(code: .missingMain, description: "EE '\(name)' does not export a function named 'main'")
    }

    static func unknownBuiltin(name: String, available: [String]) -> EELoadError {
        EELoadError(
            code: .unknownBuiltin,
            description: "there is no built-in EE '\(name)'; built-in EEs: \(available.joined(separator: ", "))")
    }

    static func unsupportedImport(name: String, module: String, field: String) -> EELoadError {
        EELoadError(
            code: .unsupportedImport,
            description: "EE '\(name)' imports '\(module).\(field)', which the host does not provide; "
                + "see Documentation/HostFunctions.md for the functions of module 'env'"
        )
    }
}
