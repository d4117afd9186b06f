import Beacon
import Simulator
import Testing

/// `run(until:)` stops at a time, at the end of a slot, when the queue is empty, or when a handler asks.
@Suite struct EngineRunLimitTests {
    @Test func runningUntilATimeRunsTheEventsAtThatTimeAndSetsTheClockToIt() {
        let engine = EventEngine<Tagged>()
        for time in [10, 20, 30] as [UInt64] { engine.schedule(Tagged("t\(time)"), at: micros(time)) }
        #expect(engine.labels(until: .time(micros(20))) == ["t10", "t20"])
        #expect(engine.now == micros(20))
        #expect(engine.pendingCount == 1)
        #expect(engine.run(until: .time(micros(25))) { _ in } == .reachedLimit)
        #expect(engine.now == micros(25))
    }

    @Test func theClockReachesTheLimitEvenWhenTheQueueRunsDryEarlier() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("a"), at: micros(5))
        #expect(engine.run(until: .time(micros(1_000))) { _ in } == .reachedLimit)
        #expect(engine.now == micros(1_000))
        #expect(engine.pendingCount == 0)
    }

    @Test func aLimitBeforeTheCurrentTimeRunsOnlyEventsDueNowAndKeepsTheClock() {
        let engine = EventEngine<Tagged>()
        engine.run(until: .time(micros(100))) { _ in }
        engine.schedule(Tagged("now"), at: micros(100))
        engine.schedule(Tagged("later"), at: micros(101))
        #expect(engine.labels(until: .time(micros(50))) == ["now"])
        #expect(engine.now == micros(100))
    }

    @Test func runningUntilTheEndOfASlotStopsBeforeTheNextSlotsFirstEvent() {
        let clock = SlotClock(slotDuration: .seconds(12))
        let engine = EventEngine<Tagged>(clock: clock)
        let lastMicroOfSlot1 = SimTime(micros: clock.start(of: Slot(2)).micros - 1)
        engine.schedule(Tagged("slot 0"), at: .genesis)
        engine.schedule(Tagged("end of slot 1"), at: lastMicroOfSlot1)
        engine.schedule(Tagged("slot 2"), at: clock.start(of: Slot(2)))
        #expect(engine.labels(until: .endOfSlot(Slot(1))) == ["slot 0", "end of slot 1"])
        #expect(engine.now == lastMicroOfSlot1)
        #expect(engine.currentSlot == Slot(1))
        #expect(engine.labels(until: .endOfSlot(Slot(2))) == ["slot 2"])
        #expect(engine.currentSlot == Slot(2))
    }

    @Test func runningUntilTheQueueIsEmptyLeavesTheClockAtTheLastEvent() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("a"), at: micros(7))
        engine.schedule(Tagged("b"), at: micros(9))
        #expect(engine.run(until: .queueEmpty) { _ in } == .queueEmpty)
        #expect(engine.now == micros(9))
        #expect(engine.run(until: .queueEmpty) { _ in } == .queueEmpty)
    }

    @Test func aStopRequestReturnsAfterTheCurrentEventAndTheNextRunResumes() {
        let engine = EventEngine<Tagged>()
        for index in 0..<5 { engine.schedule(Tagged("e\(index)"), at: micros(UInt64(index))) }
        var seen: [String] = []
        let outcome = engine.run(until: .queueEmpty) { event in
            seen.append(event.label)
            if event.label == "e2" { engine.requestStop() }
        }
        #expect(outcome == .stopped)
        #expect(seen == ["e0", "e1", "e2"])
        #expect(engine.now == micros(2))
        #expect(engine.labels() == ["e3", "e4"])
    }

    @Test func aThrowingHandlerStopsTheRunWithItsErrorAndLeavesTheRestPending() {
        struct Mismatch: Error, Equatable { let label: String }
        let engine = EventEngine<Tagged>()
        for index in 0..<4 { engine.schedule(Tagged("e\(index)"), at: micros(UInt64(10 * index))) }
        #expect(throws: Mismatch(label: "e1")) {
            try engine.run(until: .queueEmpty) { (event: Tagged) throws(Mismatch) in
                if event.label == "e1" { throw Mismatch(label: event.label) }
            }
        }
        #expect(engine.now == micros(10))
        #expect(engine.eventsProcessed == 2)
        #expect(engine.labels() == ["e2", "e3"])
    }

    @Test func stepRunsOneEventAtATime() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("a"), at: micros(1))
        engine.schedule(Tagged("b"), at: micros(2))
        var seen: [String] = []
        #expect(engine.step { seen.append($0.label) })
        #expect(seen == ["a"] && engine.now == micros(1))
        #expect(engine.step { seen.append($0.label) })
        #expect(!engine.step { seen.append($0.label) })
        #expect(seen == ["a", "b"])
    }
}
