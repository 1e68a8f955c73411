import Dispatch
import Synchronization

/// Work over contiguous ranges of a collection done side by side on every core, the pieces joined
/// in range order: the same result, the same bytes, on any machine.
public enum OrderedParallelMap {
    /// `body` applied to each range, concurrently, results concatenated in the order of `ranges`.
    public static func map<T: Sendable>(_ ranges: [Range<Int>], _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        if ranges.count <= 1 { return ranges.first.map(body) ?? [] }
        let parts = Mutex([[T]](repeating: [], count: ranges.count))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
            let part = body(ranges[i])
            parts.withLock { $0[i] = part }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }

    /// `count` elements cut into about `pieces` equal ranges.
    public static func ranges(count: Int, pieces: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let size = (count + max(1, pieces) - 1) / max(1, pieces)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}
