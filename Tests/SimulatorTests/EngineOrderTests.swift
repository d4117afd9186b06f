import Beacon
import Simulator
import Testing

/// Events run in ascending (time, priority, sequence) order, and the clock shows each event's time while it runs.
@Suite struct EngineOrderTests {
    @Test func eventsRunInTimeOrderWhateverTheOrderTheyWereScheduledIn() {
        let engine = EventEngine<Tagged>()
        for time in [50, 10, 40, 20, 30] as [UInt64] { engine.schedule(Tagged("t\(time)"), at: micros(time)) }
        #expect(engine.labels() == ["t10", "t20", "t30", "t40", "t50"])
    }

    @Test func atTheSameTimeTheLowerPriorityRunsFirst() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("late"), at: micros(5), priority: 10)
        engine.schedule(Tagged("normal"), at: micros(5))
        engine.schedule(Tagged("early"), at: micros(5), priority: -10)
        engine.schedule(Tagged("before all"), at: micros(4), priority: 100)
        #expect(engine.labels() == ["before all", "early", "normal", "late"])
    }

    @Test func atTheSameTimeAndPriorityEventsRunInTheOrderTheyWereScheduled() {
        let engine = EventEngine<Tagged>()
        let labels = (0..<10_000).map { "e\($0)" }
        for label in labels { engine.schedule(Tagged(label), at: micros(7)) }
        #expect(engine.labels() == labels)
    }

    @Test func manyEventsAtTheSameTimeRunByPriorityThenInsertionOrder() {
        let engine = EventEngine<Tagged>()
        var stream = RandomStream(runSeed: 3, name: "priorities")
        var scheduled: [(priority: Int32, label: String)] = []
        for index in 0..<5_000 {
            let priority = Int32(stream.uniform(below: 5)) - 2
            scheduled.append((priority, "e\(index)"))
            engine.schedule(Tagged("e\(index)"), at: micros(1_000), priority: EventPriority(priority))
        }
        // A stable sort by priority keeps insertion order within each priority: exactly the documented order.
        let expected = scheduled.enumerated().sorted {
            ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset)
        }
        #expect(engine.labels() == expected.map(\.element.label), "seed 3")
    }

    @Test func theClockIsSetToEachEventsTimeBeforeItsHandlerRuns() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("a"), at: micros(3))
        engine.schedule(Tagged("b"), at: micros(3))
        engine.schedule(Tagged("c"), at: micros(1_000_000))
        let lines = engine.trace()
        #expect(lines.map(\.time) == [micros(3), micros(3), micros(1_000_000)])
        #expect(engine.now == micros(1_000_000))
        #expect(engine.eventsProcessed == 3)
    }

    @Test func theQueuePopsRandomKeysInSortedOrder() {
        var queue = EventQueue<Int>()
        var stream = RandomStream(runSeed: 11, name: "keys")
        var keys: [EventKey] = []
        for index in 0..<20_000 {
            // Few distinct times and priorities, so that every tie-breaker is exercised.
            let time = micros(stream.uniform(below: 50))
            let priority = EventPriority(Int32(stream.uniform(below: 3)))
            queue.schedule(index, at: time, priority: priority)
            keys.append(EventKey(time: time, priority: priority, sequence: UInt64(index)))
        }
        queue.checkInvariants()
        var popped: [EventKey] = []
        while let next = queue.popNext() {
            #expect(next.event == Int(next.key.sequence))
            popped.append(next.key)
        }
        #expect(popped == keys.sorted(), "seed 11")
    }

    @Test func keysCompareByTimeThenPriorityThenSequence() {
        let key = EventKey(time: micros(10), priority: 0, sequence: 5)
        #expect(key < EventKey(time: micros(11), priority: -100, sequence: 0))
        #expect(key < EventKey(time: micros(10), priority: 1, sequence: 0))
        #expect(key < EventKey(time: micros(10), priority: 0, sequence: 6))
        #expect(!(key < key))
    }

    @Test func theNextEventTimeSkipsCancelledEvents() {
        let engine = EventEngine<Tagged>()
        let first = engine.schedule(Tagged("a"), at: micros(1))
        engine.schedule(Tagged("b"), at: micros(2))
        #expect(engine.nextEventTime == micros(1))
        engine.cancel(first)
        #expect(engine.nextEventTime == micros(2))
        #expect(engine.pendingCount == 1)
    }
}
