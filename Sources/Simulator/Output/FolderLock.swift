import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a folder that a run, a resume, a comparison or a sweep writes, so two processes never write
/// one folder at once.
///
/// The lock is `flock(2)` on `FOLDER/.lock`, which holds the owner's pid for the error message. The kernel releases it
/// when the owner exits for any reason (SIGKILL included), so a stale `.lock` file left behind never blocks a later
/// run: only a live holder does.
package final class FolderLock {
    /// The name of the lock file inside the locked folder.
    package static let fileName = ".lock"

    /// Why a folder could not be locked.
    package enum Failure: Error, Equatable, CustomStringConvertible {
        /// Another live process holds the lock; `holder` is its pid as it wrote it, when readable.
        case held(folder: String, holder: Int32?)
        /// The lock file could not be created or opened.
        case unavailable(folder: String, reason: String)

        package var description: String {
            switch self {
            case .held(let folder, let holder):
                let who = holder.map { "process \($0)" } ?? "another process"
                return "\(folder): \(who) is writing this folder (it holds \(folder)/\(FolderLock.fileName)); "
                    + "wait for it to finish or stop it first"
            case .unavailable(let folder, let reason):
                return "\(folder)/\(FolderLock.fileName): cannot create the lock file: \(reason)"
            }
        }
    }

    /// The locked folder.
    package let folder: URL
    private var descriptor: Int32

    /// Locks `folder` (creating it if needed) or throws ``Failure/held(folder:holder:)`` at once when another process
    /// holds it. A process may hold the lock of one folder once: locking it again from the same process also fails.
    package init(folder: URL) throws(Failure) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unavailable(folder: folder.path, reason: error.localizedDescription)
        }
        let path = folder.appendingPathComponent(Self.fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unavailable(folder: folder.path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPid(fd)
            close(fd)
            throw .held(folder: folder.path, holder: holder)
        }
        descriptor = fd
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        // The pid is only for the message another process prints: a failed write leaves the lock itself intact.
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Releases the lock; also done when the value is deallocated or the process exits.
    package func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
