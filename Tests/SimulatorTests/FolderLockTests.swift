import Foundation
import Testing

@testable import Simulator

/// Two writers of one folder are refused; a released or dropped lock frees the folder.
@Suite struct FolderLockTests {
    @Test("a second lock on a held folder fails, naming the holder; releasing frees it")
    func secondLockFails() throws {
        let folder = SimulationFixtures.temporaryFolder()
        let first = try FolderLock(folder: folder)
        #expect(throws: FolderLock.Failure.held(folder: folder.path, holder: getpid())) {
            _ = try FolderLock(folder: folder)
        }
        first.release()
        let second = try FolderLock(folder: folder)
        second.release()
    }

    @Test("a lock dropped without release frees the folder")
    func droppedLockFrees() throws {
        let folder = SimulationFixtures.temporaryFolder()
        do { _ = try FolderLock(folder: folder) }
        _ = try FolderLock(folder: folder)
    }
}
