import Foundation

/// The EEs shipped with shardsim, built from `EEs/` and bundled as resources; scenarios name them `builtin:NAME`.
package enum BuiltinEEs {
    /// The names of the shipped EEs, sorted.
    package static var names: [String] {
        guard let folder = Bundle.module.url(forResource: "EEs", withExtension: nil) else { return [] }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".wasm") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads the shipped EE `name`.
    ///
    /// - Throws: ``EELoadError`` when there is no such EE, naming the ones there are.
    package static func load(_ name: String) throws(EELoadError) -> EEModule {
        guard let url = Bundle.module.url(forResource: name, withExtension: "wasm", subdirectory: "EEs") else {
            throw .unknownBuiltin(name: name, available: names)
        }
        return try EEModule(contentsOf: url)
    }
}
