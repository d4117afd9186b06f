import ArgumentParser
import Foundation
import Shard

/// `shardsim ees`: the EEs shipped with the tool, usable as `builtin:NAME` in scenarios and Scout files.
struct EEsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ees",
        abstract: "List the built-in EEs (use them as builtin:NAME in scenarios and Scout files).",
        discussion: """
            Built-in EEs: \(BuiltinEEs.names.joined(separator: ", ")). Each line printed is NAME, the SHA-256 of \
            its code (the EE's identity) and its size. Their sources and block formats are in EEs/README.md; in a \
            scenario, `ees: [{name: token, code: builtin:token}]`; in a Scout file, `execution_scripts: \
            [builtin:ecrecover]`, which works wherever the file is.
            """
    )

    func run() throws {
        for name in BuiltinEEs.names {
            do {
                let module = try BuiltinEEs.load(name)
                print("builtin:\(name)  \(module.codeHash.hex)  \(module.code.count) bytes")
            } catch {
                print("builtin:\(name)  (does not load: \(error.description))")
            }
        }
    }
}
