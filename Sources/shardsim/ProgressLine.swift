import Foundation
import Simulator

/// A one-line progress display on a terminal (slot, simulated/wall ratio, ETA, transactions/s); silent when standard
/// error is not a terminal, so logs and CI output stay clean.
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastDraw = 0.0

    func show(_ progress: SimulationProgress) {
        guard enabled, progress.wallSeconds - lastDraw >= 0.2 || progress.slot.number + 1 == progress.slotCount
        else { return }
        lastDraw = progress.wallSeconds
        // Rates count only the slots this process ran: a resumed run starts at its checkpoint.
        let done = Double(progress.slot.number + 1 - progress.firstSlot)
        let simulated = progress.simulatedSeconds * done / Double(progress.slot.number + 1)
        let ratio = progress.wallSeconds > 0 ? simulated / progress.wallSeconds : 0
        let eta = progress.wallSeconds / done * (Double(progress.slotCount) - done)
        let rate = progress.wallSeconds > 0 ? Double(progress.transactionsIncluded) / progress.wallSeconds : 0
        let line = String(
            format: "\r\u{1B}[Kslot %llu/%llu  %.1f× real time  ETA %.0f s  %.0f tx/s", progress.slot.number + 1,
            progress.slotCount, ratio, eta, rate)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
