import Foundation
import Testing

@testable import Portfolio

@Suite struct VirtualTimeSourceTests {
    @Test func sleepersWakeInDeadlineOrderAsTimeAdvances() async throws {
        let clock = VirtualTimeSource()
        let start = clock.now
        let woken = LockedList()
        let tasks = [3, 1, 2].map { seconds in
            Task {
                try await clock.sleep(for: .seconds(seconds))
                woken.append(seconds)
            }
        }
        while clock.sleeperCount < 3 { await Task.yield() }
        await clock.advance(by: .seconds(2))
        #expect(woken.values == [1, 2])
        #expect(clock.now == start.addingTimeInterval(2))
        await clock.advance(by: .seconds(5))
        #expect(woken.values == [1, 2, 3])
        for task in tasks { try await task.value }
    }

    @Test func cancellationWakesASleeperWithAnError() async {
        let clock = VirtualTimeSource()
        let task = Task { try await clock.sleep(for: .seconds(60)) }
        while clock.sleeperCount < 1 { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleeperCount == 0)
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []
    func append(_ value: Int) { lock.withLock { items.append(value) } }
    var values: [Int] { lock.withLock { items } }
}
