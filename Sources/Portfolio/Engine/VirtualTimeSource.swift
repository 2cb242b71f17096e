import Foundation

/// A clock that moves only when a test says so. Sleepers wake in deadline order as `advance` passes them.
///
/// Tasks woken by `advance` run on the cooperative pool; `advance` yields generously after each wake-up
/// so they reach their next sleep before time moves on. Keep the logic under test in pure functions where
/// you can, and use this clock for the wiring around them.
public final class VirtualTimeSource: TimeSource, @unchecked Sendable {
    private struct Sleeper {
        let id: UInt64
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private var current: Date
    private var sleepers: [Sleeper] = []
    private var nextID: UInt64 = 0

    public init(start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = start
    }

    public var now: Date { lock.withLock { current } }

    /// How many tasks are sleeping on this clock now.
    public var sleeperCount: Int { lock.withLock { sleepers.count } }

    /// The earliest deadline a task sleeps until, for tests that step from one wake-up to the next.
    public var nextDeadline: Date? { lock.withLock { sleepers.map(\.deadline).min() } }

    public func sleep(until deadline: Date) async throws {
        let id: UInt64 = lock.withLock {
            nextID += 1
            return nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Bool = lock.withLock {
                    if Task.isCancelled || deadline <= current { return true }
                    sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return false
                }
                if resumeNow {
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        continuation.resume()
                    }
                }
            }
        } onCancel: {
            let cancelled: Sleeper? = lock.withLock {
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward by `duration`, waking every sleeper whose deadline passes, earliest first.
    public func advance(by duration: Duration) async {
        let target = now.adding(duration)
        await Self.settle()
        while true {
            let due: Sleeper? = lock.withLock {
                guard let index = sleepers.indices.min(by: { sleepers[$0].deadline < sleepers[$1].deadline }),
                    sleepers[index].deadline <= target
                else { return nil }
                let sleeper = sleepers.remove(at: index)
                if sleeper.deadline > current { current = sleeper.deadline }
                return sleeper
            }
            guard let due else { break }
            due.continuation.resume()
            await Self.settle()
        }
        lock.withLock { if target > current { current = target } }
        await Self.settle()
    }

    /// Lets woken tasks run until they block again.
    private static func settle() async {
        for _ in 0..<200 { await Task.yield() }
    }
}
