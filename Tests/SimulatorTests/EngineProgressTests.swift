import Beacon
import Simulator
import Testing

/// The progress hook runs at its cadence, sees a consistent snapshot, and cannot change the simulation.
@Suite struct EngineProgressTests {
    /// An engine with one event per millisecond for `count` milliseconds.
    private func busyEngine(count: UInt64) -> EventEngine<Tagged> {
        let engine = EventEngine<Tagged>(clock: SlotClock(slotDuration: .milliseconds(100)))
        for index in 0..<count { engine.schedule(Tagged("e\(index)"), at: micros(index * 1_000)) }
        return engine
    }

    @Test func theHookRunsEveryNEvents() {
        let engine = busyEngine(count: 1_000)
        var reports: [EngineProgress] = []
        engine.onProgress(ProgressCadence(everyEvents: 250)) { reports.append($0) }
        engine.run(until: .queueEmpty) { _ in }
        #expect(reports.map(\.eventsProcessed) == [250, 500, 750, 1_000])
        #expect(reports.map(\.pendingCount) == [750, 500, 250, 0])
        #expect(reports.first?.now == micros(249_000))
        #expect(reports.first?.slot == Slot(2))
    }

    @Test func theHookRunsWhenSimulatedTimeHasMovedByTheInterval() {
        let engine = busyEngine(count: 1_000)
        var times: [SimTime] = []
        engine.onProgress(ProgressCadence(everySimulated: .milliseconds(300))) { times.append($0.now) }
        engine.run(until: .queueEmpty) { _ in }
        #expect(times == [micros(300_000), micros(600_000), micros(900_000)])
    }

    @Test func whicheverTriggerComesFirstFiresAndResetsBoth() {
        let engine = EventEngine<Tagged>()
        // Ten events at t = 0, then one at t = 1 s.
        for index in 0..<10 { engine.schedule(Tagged("burst \(index)"), at: .genesis) }
        engine.schedule(Tagged("lone"), at: micros(1_000_000))
        var counts: [UInt64] = []
        engine.onProgress(ProgressCadence(everyEvents: 4, everySimulated: .milliseconds(500))) {
            counts.append($0.eventsProcessed)
        }
        engine.run(until: .queueEmpty) { _ in }
        #expect(counts == [4, 8, 11])
    }

    @Test func reportingDoesNotChangeTheTrace() {
        func trace(withHook: Bool) -> [TraceLine] {
            let engine = busyEngine(count: 300)
            var stream = RandomStream(runSeed: 5, name: "follow-ups")
            if withHook { engine.onProgress(ProgressCadence(everyEvents: 7)) { _ in } }
            return engine.trace { event in
                if stream.bernoulli(0.3) {
                    engine.schedule(Tagged(event.label + "'"), after: SimDuration(micros: stream.uniform(below: 5_000)))
                }
            }
        }
        #expect(trace(withHook: true) == trace(withHook: false))
    }

    @Test func removingTheHookStopsTheReports() {
        let engine = busyEngine(count: 100)
        var count = 0
        engine.onProgress(ProgressCadence(everyEvents: 10)) { _ in count += 1 }
        engine.run(until: .time(micros(49_000))) { _ in }
        engine.removeProgressHook()
        engine.run(until: .queueEmpty) { _ in }
        #expect(count == 5)
        #expect(engine.progress.eventsProcessed == 100)
    }

    @Test func theHookCannotScheduleEvents() async {
        await #expect(processExitsWith: .failure) {
            let engine = EventEngine<Int>()
            engine.schedule(1, at: .genesis)
            engine.onProgress(ProgressCadence(everyEvents: 1)) { progress in
                engine.schedule(2, at: progress.now)
            }
            engine.run(until: .queueEmpty) { _ in }
        }
    }
}
