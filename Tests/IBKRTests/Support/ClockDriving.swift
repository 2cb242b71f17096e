import Foundation
import Portfolio

/// Runs `operation` in a task and calls `moveTime` until it finishes or `maximumMoves` moves were made; an operation
/// that never ends is cancelled, so it fails its test instead of hanging it.
/// - Parameter moveTime: one move of the clock; returns whether it counts against `maximumMoves`.
func runMovingTime<T: Sendable>(
    maximumMoves: Int, _ operation: @escaping @Sendable () async throws -> T,
    moveTime: () async -> Bool
) async throws -> T {
    let finished = Locked(false)
    let task = Task {
        defer { finished.withLock { $0 = true } }
        return try await operation()
    }
    var moves = 0
    while !finished.value, moves < maximumMoves {
        if await moveTime() { moves += 1 }
    }
    if !finished.value { task.cancel() }
    return try await task.value
}

/// Runs `operation` while moving the virtual clock forward in steps, so that waits for pacing slots pass
/// without real time passing.
func drive<T: Sendable>(
    _ clock: VirtualTimeSource, step: Duration = .milliseconds(250), maximumSteps: Int = 10_000,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await runMovingTime(maximumMoves: maximumSteps, operation) {
        await clock.advance(by: step)
        return true
    }
}

/// Runs `operation` on `clock`, moving time only while its tasks sleep on it, and then straight to the earliest
/// deadline: time never moves while a task computes, however slow the machine, so delays come out exact.
/// - Parameters:
///   - sleepers: how many tasks must sleep before time moves (default one: `operation` runs one task).
///   - maximumWakeUps: moves before giving up and cancelling the operation.
func driveToDeadlines<T: Sendable>(
    _ clock: VirtualTimeSource, sleepers: @escaping @Sendable () -> Int = { 1 }, maximumWakeUps: Int = 20_000,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    var idle = 0
    return try await runMovingTime(maximumMoves: maximumWakeUps, operation) {
        guard clock.sleeperCount >= max(1, sleepers()), let next = clock.nextDeadline else {
            // Running, or waiting on something other than the clock: let it go on.
            idle += 1
            if idle % 1000 == 0 { try? await Task.sleep(for: .milliseconds(1)) } else { await Task.yield() }
            return false
        }
        idle = 0
        await clock.advance(by: max(.zero, next.since(clock.now)))
        return true
    }
}
