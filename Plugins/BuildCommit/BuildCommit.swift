import Foundation
import PackagePlugin

/// Records which git commit a build comes from: before every build it runs `scripts/build-commit.sh`, which writes
/// `BuildCommit.swift` (the commit of the package's checkout, or `unknown` outside one) into the target.
///
/// A prebuild command rather than a build command because only a prebuild command runs on every build: a build
/// command runs when its declared inputs change, and a new commit changes no file SwiftPM knows of. The script
/// rewrites the file only when its text changes, so an unchanged commit recompiles nothing.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let package = context.package.directoryURL
        return [
            .prebuildCommand(
                displayName: "Recording the git commit of \(package.path)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    package.appending(path: "scripts/build-commit.sh").path, package.path,
                    output.appending(path: "BuildCommit.swift").path,
                ],
                outputFilesDirectory: output)
        ]
    }
}
