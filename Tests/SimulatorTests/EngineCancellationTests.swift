import Beacon
import Simulator
import Testing

/// A cancelled event never runs; cancelling anything that is not pending does nothing.
@Suite struct EngineCancellationTests {
    @Test func aCancelledEventNeverRuns() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("a"), at: micros(1))
        let doomed = engine.schedule(Tagged("b"), at: micros(2))
        engine.schedule(Tagged("c"), at: micros(3))
        #expect(engine.cancel(doomed))
        #expect(!engine.isPending(doomed))
        #expect(engine.labels() == ["a", "c"])
    }

    @Test func cancellingAnEventThatAlreadyRanDoesNothing() {
        let engine = EventEngine<Tagged>()
        let fired = engine.schedule(Tagged("a"), at: micros(1))
        engine.schedule(Tagged("b"), at: micros(2))
        #expect(engine.step { _ in })
        #expect(!engine.cancel(fired))
        #expect(engine.labels() == ["b"])
    }

    @Test func cancellingTwiceReturnsFalseTheSecondTime() {
        let engine = EventEngine<Tagged>()
        let handle = engine.schedule(Tagged("a"), at: micros(1))
        #expect(engine.cancel(handle))
        #expect(!engine.cancel(handle))
        #expect(engine.pendingCount == 0)
    }

    @Test func aStaleHandleNeverReachesTheEventThatReusesItsRecord() {
        let engine = EventEngine<Tagged>()
        let old = engine.schedule(Tagged("old"), at: micros(1))
        engine.cancel(old)
        let new = engine.schedule(Tagged("new"), at: micros(1))  // takes the record `old` freed
        #expect(!engine.cancel(old))
        #expect(engine.isPending(new))
        #expect(engine.labels() == ["new"])
    }

    @Test func aHandleFromAnotherEngineNeverCancelsAnEventHere() {
        let mine = EventEngine<Tagged>()
        let other = EventEngine<Tagged>()
        // Same record slot and sequence number in both engines: only the queue id tells the handles apart.
        let foreign = other.schedule(Tagged("theirs"), at: micros(1))
        mine.schedule(Tagged("mine"), at: micros(1))
        #expect(!mine.cancel(foreign))
        #expect(mine.labels() == ["mine"])
        #expect(other.isPending(foreign))
    }

    @Test func removingAllEventsLeavesEveryOldHandleDead() {
        var queue = EventQueue<Int>()
        let old = (0..<10).map { queue.schedule($0, at: micros(UInt64($0))) }
        queue.removeAll()
        let new = queue.schedule(99, at: micros(0))  // reuses record 0
        #expect(old.allSatisfy { !queue.isPending($0) && !queue.cancel($0) })
        #expect(queue.isPending(new))
        #expect(queue.popNext()?.event == 99)
        queue.checkInvariants()
    }

    @Test func aHandlerCanCancelAnEventDueAtTheSameTime() {
        let engine = EventEngine<Tagged>()
        engine.schedule(Tagged("canceller"), at: micros(5))
        let victim = engine.schedule(Tagged("victim"), at: micros(5))
        engine.schedule(Tagged("survivor"), at: micros(5))
        let labels = engine.labels { event in
            if event.label == "canceller" { #expect(engine.cancel(victim)) }
        }
        #expect(labels == ["canceller", "survivor"])
    }

    /// Random schedule, cancel and pop against a sorted-array model, crossing the stale-entry rebuild many times.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomCancellationsMatchASortedModel(seed: UInt64) {
        var queue = EventQueue<UInt64>()
        // The model: pending keys in run order, and each one's handle.
        var pending: [EventKey] = []
        var handles: [EventKey: EventHandle] = [:]
        var stream = RandomStream(runSeed: seed, name: "cancellation-model")
        var now: UInt64 = 0
        for step in 0..<40_000 {
            switch stream.uniform(below: 10) {
            case 0..<5:
                let time = micros(now + stream.uniform(below: 1_000))
                let priority = EventPriority(Int32(stream.uniform(below: 3)))
                let handle = queue.schedule(UInt64(step), at: time, priority: priority)
                let key = EventKey(time: time, priority: priority, sequence: handle.sequence)
                pending.insert(key, at: pending.partitioningIndex { key < $0 })
                handles[key] = handle
            case 5..<8:
                guard !pending.isEmpty else { continue }
                let victim = pending.remove(at: stream.uniform(below: pending.count))
                let handle = handles.removeValue(forKey: victim)!
                let first = queue.cancel(handle)
                let second = queue.cancel(handle)
                #expect(first && !second, "seed \(seed), step \(step)")
            default:
                let popped = queue.popNext()
                #expect(popped?.key == pending.first, "seed \(seed), step \(step)")
                if !pending.isEmpty {
                    let expected = pending.removeFirst()
                    handles[expected] = nil
                    now = expected.time.micros
                }
            }
            #expect(queue.count == pending.count)
            if step % 5_000 == 0 { queue.checkInvariants() }
        }
        queue.checkInvariants()
        let rest = Array(sequence(state: queue) { $0.popNext()?.key })
        #expect(rest == pending, "seed \(seed)")
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for a predicate that is false and then true.
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
