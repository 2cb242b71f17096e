import Foundation
import Portfolio

import Testing

@testable import IBKR

@Suite struct RequestBudgetTests {
    private let orders = "/iserver/account/orders"
    private let summary = "/portfolio/{accountId}/summary"

    /// Every window of `window` (nominal, without the budget's margin) holds at most `limit` of `times`.
    private func windowsHold(_ times: [Date], limit: Int, window: Duration) -> Bool {
        let sorted = times.sorted()
        guard sorted.count > limit else { return true }
        return (0..<(sorted.count - limit)).allSatisfy { start in
            sorted[start + limit].timeIntervalSince(sorted[start]) >= window.timeInterval
        }
    }

    @Test func aBurstOfCallersNeverExceedsAnyLimitInAnyWindow() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let grants = Locked<[RequestBudget.Grant]>([])
        let endpoints = [
            orders, "/iserver/account/pnl/partitioned", "/tickle", "/portfolio/accounts", summary,
            "/portfolio/{accountId}/ledger", "/iserver/marketdata/snapshot",
        ]
        try await drive(clock, step: .seconds(1)) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<140 {
                    let endpoint = endpoints[index % endpoints.count]
                    group.addTask {
                        let grant = try await budget.acquire(endpoint, path: endpoint)
                        #expect(clock.now >= grant.time)
                        grants.withLock { $0.append(grant) }
                    }
                }
                try await group.waitForAll()
            }
        }
        let all = grants.withLock { $0 }
        #expect(all.count == 140)
        #expect(windowsHold(all.map(\.time), limit: 10, window: .seconds(1)))
        for (endpoint, rule) in PacingPolicy.clientPortal.endpoints {
            let times = all.filter { $0.endpoint == endpoint }.map(\.time)
            #expect(windowsHold(times, limit: rule.limit, window: rule.window), "\(endpoint)")
        }
        // Twenty orders callers at one per 5 s (plus margin) take about 100 s, not minutes more.
        let lastOrders = try #require(all.filter { $0.endpoint == orders }.map(\.time).max())
        #expect(lastOrders.timeIntervalSince(all.map(\.time).min() ?? lastOrders) < 105)
    }

    @Test func aSlowAnswerKeepsTheNextRequestAWindowAfterIt() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let start = clock.now
        let first = try await budget.acquire("/tickle", path: "/tickle")
        // The next caller books 1.2 s on; the first request is still on its way.
        let second = Task { try await budget.acquire("/tickle", path: "/tickle") }
        while clock.sleeperCount == 0 { await Task.yield() }
        await clock.advance(by: .milliseconds(500))
        await budget.answered(first, at: clock.now)
        await clock.advance(by: .milliseconds(700))
        #expect(clock.sleeperCount == 1, "still waiting at 1.2 s")
        await clock.advance(by: .milliseconds(500))
        let granted = try await second.value
        #expect(abs(granted.time.timeIntervalSince(start) - 1.7) < 1e-6)
        // A later caller is a window after the second's grant, which answered at once.
        await budget.answered(granted, at: clock.now)
        let third = Task { try await budget.acquire("/tickle", path: "/tickle") }
        while clock.sleeperCount == 0 { await Task.yield() }
        await clock.advance(by: .seconds(2))
        let later = try await third.value
        #expect(abs(later.time.timeIntervalSince(start) - 2.9) < 1e-6, "\(later.time.timeIntervalSince(start))")
    }

    @Test func callersOfOneEndpointAreServedInArrivalOrder() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let order = Locked<[Int]>([])
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<6 {
            tasks.append(Task {
                _ = try await budget.acquire(orders, path: orders)
                order.withLock { $0.append(index) }
            })
            // The next caller arrives only once this one is queued (or through).
            while order.withLock({ $0.count }) + clock.sleeperCount < index + 1 { await Task.yield() }
        }
        for _ in 0..<40 { await clock.advance(by: .seconds(1)) }
        for task in tasks { try await task.value }
        #expect(order.withLock { $0 } == [0, 1, 2, 3, 4, 5])
    }

    @Test func aLaterCallerNeverDelaysAnEarlierOne() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let start = clock.now
        let first = try await budget.acquire(orders, path: orders)
        #expect(first.time == start)
        let queued = Task { try await budget.acquire(orders, path: orders) }
        while clock.sleeperCount < 1 { await Task.yield() }
        // A summary call need not wait behind the queued orders call.
        let other = try await budget.acquire(summary, path: "/portfolio/U1/summary")
        #expect(other.time == start)
        await clock.advance(by: .seconds(6))
        let second = try await queued.value
        #expect(second.time == start.addingTimeInterval(5.2))
    }

    @Test func a429PutsTheEndpointInAGrowingBackoffAndCallsFailFast() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let grant = try await budget.acquire(orders, path: orders)
        let error = await budget.recordTooManyRequests(grant, path: orders)
        #expect(error.kind == .rateLimited)
        #expect(error.message == "IBKR answered 429 (too many requests); this endpoint pauses for 15 s")
        let state = await budget.backoff
        let episode = try #require(state.endpoints[orders])
        #expect(episode.strike == 1 && episode.duration == .seconds(15) && state.penaltyBox == nil)

        // During the backoff a call fails at once with the same words, without waiting or sending.
        let before = clock.now
        await #expect(throws: error) { try await budget.acquire(orders, path: orders) }
        #expect(clock.now == before)
        // Other endpoints go on.
        _ = try await budget.acquire(summary, path: "/portfolio/U1/summary")

        await clock.advance(by: .seconds(15))
        #expect(await budget.backoff.isCalm)
        let again = try await budget.acquire(orders, path: orders)
        let second = await budget.recordTooManyRequests(again, path: orders)
        #expect(second.message.hasSuffix("pauses for 30 s"))
        let secondEpisode = try #require(await budget.backoff.endpoints[orders])
        #expect(secondEpisode.strike == 2 && secondEpisode.id > episode.id)

        // A success after the backoff ends the growth.
        await clock.advance(by: .seconds(30))
        await budget.recordSuccess(try await budget.acquire(orders, path: orders))
        // Far enough from the earlier episodes that three in a minute do not mean the penalty box.
        await clock.advance(by: .seconds(40))
        let third = await budget.recordTooManyRequests(try await budget.acquire(orders, path: orders), path: orders)
        #expect(third.message.hasSuffix("pauses for 15 s"))
    }

    @Test func backoffIsCapped() async throws {
        let clock = VirtualTimeSource()
        let policy = PacingPolicy(
            overall: PacingRule(10, per: .seconds(1)), endpoints: [:], backoffStart: .seconds(15),
            backoffCap: .seconds(60), penaltyStrikes: 100)
        let budget = RequestBudget(time: clock, policy: policy)
        var lengths: [Duration] = []
        for _ in 0..<5 {
            _ = await budget.recordTooManyRequests(try await budget.acquire(orders, path: orders), path: orders)
            let episode = try #require(await budget.backoff.endpoints[orders])
            lengths.append(episode.duration)
            await clock.advance(by: episode.duration)
        }
        #expect(lengths == [.seconds(15), .seconds(30), .seconds(60), .seconds(60), .seconds(60)])
    }

    @Test func answersToRequestsSentBeforeTheBackoffBelongToIt() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        // Five summary requests are in flight when IBKR starts answering 429.
        var grants: [RequestBudget.Grant] = []
        for _ in 0..<5 { grants.append(try await budget.acquire(summary, path: "/portfolio/U1/summary")) }
        await clock.advance(by: .milliseconds(100))
        for grant in grants { _ = await budget.recordTooManyRequests(grant, path: "/portfolio/U1/summary") }
        let state = await budget.backoff
        #expect(state.endpoints.count == 1 && state.endpoints[summary]?.strike == 1 && state.penaltyBox == nil)
    }

    @Test func repeated429sMeanThePenaltyBoxForEverything() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let paths = ["/iserver/account/orders", "/portfolio/{accountId}/summary", "/portfolio/{accountId}/ledger"]
        var last: SourceError?
        for path in paths {
            last = await budget.recordTooManyRequests(try await budget.acquire(path, path: path), path: path)
            await clock.advance(by: .seconds(5))
        }
        #expect(last?.kind == .penaltyBox)
        let box = try #require(await budget.backoff.penaltyBox)
        #expect(box.duration == .seconds(900) && box.endpoint == nil)
        await #expect(throws: SourceError.self) { try await budget.acquire("/tickle", path: "/tickle") }
        let refused = await #expect(throws: SourceError.self) {
            try await budget.acquire("/portfolio/accounts", path: "/portfolio/accounts")
        }
        #expect(refused?.kind == .penaltyBox && refused?.endpoint == "/portfolio/accounts")
        #expect(refused?.message == "IBKR's pacing penalty after repeated 429 answers: every request pauses for 15 min")
        // The box began at the third 429, five seconds ago.
        await clock.advance(by: .seconds(894))
        #expect(await budget.backoff.penaltyBox != nil)
        await clock.advance(by: .seconds(1))
        #expect(await budget.backoff.isCalm)
        _ = try await budget.acquire("/tickle", path: "/tickle")
    }

    @Test func aCallerQueuedWhenTheBackoffStartsFailsInsteadOfSending() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let first = try await budget.acquire(orders, path: orders)
        let queued = Task { try await budget.acquire(orders, path: orders) }
        while clock.sleeperCount < 1 { await Task.yield() }
        _ = await budget.recordTooManyRequests(first, path: orders)
        await clock.advance(by: .seconds(6))
        let result = await queued.result
        #expect(throws: SourceError.self) { try result.get() }
    }

    @Test func aCancelledCallerGivesItsSlotBack() async throws {
        let clock = VirtualTimeSource()
        let budget = RequestBudget(time: clock)
        let start = clock.now
        _ = try await budget.acquire(orders, path: orders)
        let cancelled = Task { try await budget.acquire(orders, path: orders) }
        while clock.sleeperCount < 1 { await Task.yield() }
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        let next = Task { try await budget.acquire(orders, path: orders) }
        while clock.sleeperCount < 1 { await Task.yield() }
        await clock.advance(by: .seconds(6))
        #expect(try await next.value.time == start.addingTimeInterval(5.2))
    }

    /// The one test on the real clock: the budget really waits between two calls of a paced endpoint.
    @Test func theRealClockWaitsForTheSlot() async throws {
        let policy = PacingPolicy(
            overall: PacingRule(10, per: .seconds(1)), endpoints: ["/tickle": PacingRule(1, per: .milliseconds(150))],
            margin: .milliseconds(10))
        let budget = RequestBudget(time: SystemTimeSource(), policy: policy)
        let first = Date()
        _ = try await budget.acquire("/tickle", path: "/tickle")
        _ = try await budget.acquire("/tickle", path: "/tickle")
        _ = try await budget.acquire("/tickle", path: "/tickle")
        #expect(Date().timeIntervalSince(first) >= 0.32)
    }
}
