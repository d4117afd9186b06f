import Beacon
import Simulator
import Testing

/// Scheduling at the current time is allowed and queues behind events of the same key; the past is off limits.
@Suite struct EngineSchedulingTests {
    @Test func anEventScheduledAtTheCurrentTimeRunsAfterQueuedEventsOfTheSameKey() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("first"), at: micros(10))
        engine.schedule(Tagged("second"), at: micros(10))
        engine.schedule(Tagged("next tick"), at: micros(11))
        let labels = engine.labels { event in
            if event.label == "first" { engine.schedule(Tagged("spawned"), at: engine.now) }
        }
        #expect(labels == ["first", "second", "spawned", "next tick"])
    }

    @Test func aZeroDelayWithAnEarlierPriorityRunsBeforeLaterPrioritiesAtTheSameTime() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("trigger"), at: micros(10), priority: 0)
        engine.schedule(Tagged("cleanup"), at: micros(10), priority: 5)
        let labels = engine.labels { event in
            if event.label == "trigger" { engine.schedule(Tagged("urgent"), after: .zero, priority: 1) }
        }
        #expect(labels == ["trigger", "urgent", "cleanup"])
    }

    @Test func eventsCanChainAtTheSameTimeWithoutTheClockMoving() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("0"), at: micros(3))
        let lines = engine.trace { event in
            let depth = Int(event.label)!
            if depth < 100 { engine.schedule(Tagged("\(depth + 1)"), after: .zero) }
        }
        #expect(lines.count == 101)
        #expect(lines.allSatisfy { $0.time == micros(3) })
    }

    @Test func scheduleAfterADelayCountsFromTheCurrentTime() {
        let engine = EventEngine<Tagged>(start: micros(1_000))
        engine.schedule(Tagged("a"), after: .milliseconds(2))
        #expect(engine.trace() == [TraceLine(time: micros(3_000), label: "a")])
    }

    @Test func schedulingInThePastStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let engine = EventEngine<Int>(start: SimTime(micros: 100))
            engine.schedule(1, at: SimTime(micros: 99))
        }
    }

    @Test func aHandlerCannotRunItsOwnEngine() async {
        await #expect(processExitsWith: .failure) {
            let engine = EventEngine<Int>()
            engine.schedule(1, at: .genesis)
            engine.run(until: .queueEmpty) { _ in engine.run(until: .queueEmpty) { _ in } }
        }
    }
}
