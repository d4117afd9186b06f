import Foundation
import PackagePlugin

/// Records which git commit a build comes from: `scripts/build-commit.sh` writes `BuildCommit.swift` (the commit of
/// the package's checkout, or `unknown` outside one) into the target.
///
/// A build command whose inputs are the files git changes when HEAD moves (`HEAD`, its reflog, the branch's ref,
/// `packed-refs`, the index) and every source file of the package, so a commit, a checkout or an edit reruns it on
/// the next build. A prebuild command would not do: SwiftPM runs those only when it plans the build anew (after
/// `Package.swift` or the set of files changes), so an incremental build after `git commit` kept the old commit.
/// The script rewrites the file only when its text changes, so a rerun that finds the same commit and the same
/// state of the sources recompiles nothing.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let script = package.appending(path: "scripts/build-commit.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        let sources = context.package.targets.compactMap { $0 as? SourceModuleTarget }
            .flatMap { $0.sourceFiles.map(\.url) }
        return [
            .buildCommand(
                displayName: "Recording the git commit of \(package.path)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, package.path, output.path],
                inputFiles: [script, package.appending(path: "Package.swift")] + Self.gitFiles(of: package) + sources,
                outputFiles: [output])
        ]
    }

    /// The files of `package`'s git checkout that change when its HEAD moves, among those that exist; none outside
    /// a checkout. `.git` is a folder in a clone and a file naming the real folder in a worktree.
    static func gitFiles(of package: URL) -> [URL] {
        let dotGit = package.appending(path: ".git")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) else { return [] }
        var gitFolder = dotGit
        if !isFolder.boolValue {
            guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") else {
                return []
            }
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitFolder = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appending(path: path)
        }
        // A worktree's branches live in the repository's common folder.
        var common = gitFolder
        if let text = try? String(contentsOf: gitFolder.appending(path: "commondir"), encoding: .utf8) {
            let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
            common = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitFolder.appending(path: path)
        }
        var files = [
            gitFolder.appending(path: "HEAD"), gitFolder.appending(path: "logs/HEAD"),
            gitFolder.appending(path: "index"), common.appending(path: "packed-refs"),
        ]
        if let head = try? String(contentsOf: gitFolder.appending(path: "HEAD"), encoding: .utf8),
            head.hasPrefix("ref:")
        {
            files.append(common.appending(path: head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)))
        }
        return files.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}
