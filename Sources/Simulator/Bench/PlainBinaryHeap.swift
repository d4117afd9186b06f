/// A textbook array-backed binary min-heap: the baseline that `shardsim bench engine` measures the engine against.
///
/// Nothing but keys: no payloads, no cancellation, no clock. The gap between it and ``EventEngine`` on the same keys
/// is the price of everything the engine adds (swift-collections' min-max `Heap`, the record table, the run loop).
/// Sifting works on the array's unsafe buffer to skip bounds checks, as a hand-tuned heap would.
package struct PlainBinaryHeap<Element: Comparable> {
    private var storage: [Element] = []

    /// Creates an empty heap with room for `minimumCapacity` elements.
    package init(minimumCapacity: Int = 0) {
        storage.reserveCapacity(minimumCapacity)
    }

    /// The number of elements.
    package var count: Int { storage.count }

    /// The smallest element, if any.
    package var min: Element? { storage.first }

    /// Adds `element`.
    ///
    /// - Complexity: O(log n).
    package mutating func insert(_ element: Element) {
        storage.append(element)
        storage.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            let moving = heap[child]
            // Move parents down until `moving` fits, then write it once.
            while child > 0 {
                let parent = (child - 1) / 2
                guard moving < heap[parent] else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    /// Removes and returns the smallest element, or `nil` if the heap is empty.
    ///
    /// - Complexity: O(log n).
    package mutating func popMin() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let smallest = storage[0]
        storage.withUnsafeMutableBufferPointer { heap in
            // Sift the hole at the root down to where the old last element fits.
            var hole = 0
            let count = heap.count
            while true {
                var child = 2 * hole + 1
                if child >= count { break }
                if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
                guard heap[child] < last else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = last
        }
        return smallest
    }
}
