import Foundation
import Portfolio

/// Runs `operation` on `clock`, moving time only while its tasks sleep on it, and then straight to the earliest
/// deadline: time never moves while a task computes, however slow the machine, so delays come out exact.
/// - Parameters:
///   - sleepers: how many tasks must sleep before time moves (default one: `operation` runs one task).
///   - maximumWakeUps: moves before giving up and cancelling the operation.
func driveToDeadlines<T: Sendable>(
    _ clock: VirtualTimeSource, sleepers: @escaping @Sendable () -> Int = { 1 }, maximumWakeUps: Int = 20_000,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let finished = Locked(false)
    let task = Task {
        defer { finished.withLock { $0 = true } }
        return try await operation()
    }
    var wakeUps = 0
    var idle = 0
    while !finished.value, wakeUps < maximumWakeUps {
        guard clock.sleeperCount >= max(1, sleepers()), let next = clock.nextDeadline else {
            // Running, or waiting on something other than the clock: let it go on.
            idle += 1
            if idle % 1000 == 0 { try? await Task.sleep(for: .milliseconds(1)) } else { await Task.yield() }
            continue
        }
        idle = 0
        await clock.advance(by: max(.zero, next.since(clock.now)))
        wakeUps += 1
    }
    if !finished.value { task.cancel() }
    return try await task.value
}
