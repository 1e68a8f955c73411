/// One holder at a time, in arrival order, across suspension points: a lock that may be held over
/// `await`, unlike `NSLock` (one query or transaction at a time on a PostgreSQL connection, one
/// bulletin composed at a time on the press page).
public actor AsyncGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// An open gate.
    public init() {}

    /// Waits for the gate, then holds it.
    public func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the gate to the next waiter, or opens it.
    public func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    /// `body` run while holding the gate.
    public func holding<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await enter()
        defer { leave() }
        return try await body()
    }
}
