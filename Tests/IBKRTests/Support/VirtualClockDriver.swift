import Foundation
import Portfolio


/// Runs `operation` while moving the virtual clock forward in steps, so that waits for pacing slots pass
/// without real time passing.
func drive<T: Sendable>(
    _ clock: VirtualTimeSource, step: Duration = .milliseconds(250), maximumSteps: Int = 10_000,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let finished = Locked(false)
    let task = Task {
        defer { finished.withLock { $0 = true } }
        return try await operation()
    }
    var steps = 0
    while !finished.withLock({ $0 }), steps < maximumSteps {
        await clock.advance(by: step)
        steps += 1
    }
    // An operation that never ends fails the test instead of hanging it.
    if !finished.withLock({ $0 }) { task.cancel() }
    return try await task.value
}
