import Foundation
import IBSimulator
import Testing

@testable import IBKR
@testable import Portfolio

/// Broken answers and 429s from the simulator, seen through the engine: the last good value stays, marked stale,
/// and a rate-limited endpoint slows down instead of retrying.
@Suite(.timeLimit(.minutes(4))) struct EngineFaultTests {
    @Test(arguments: ["truncated", "malformed"])
    func aBrokenAnswerKeepsTheLastGoodValueMarkedStale(kind: String) async throws {
        try await SimulatedGateway.with(configuring: { $0.accounts = 1 }) { gateway in
            try await EngineOnSimulator.run(on: gateway) { run in
                let live = try await run.waitUntil("the summary") { $0.accounts.first?.summary.value != nil }
                let account = try #require(live.accounts.first)
                let good = try #require(account.summary.value)
                let fetchedAt = account.summary.fetchedAt
                let path = "/portfolio/\(account.id)/summary"
                try await gateway.control(#"{"command":"fault","kind":"\#(kind)","pathPrefix":"\#(path)"}"#)
                await run.engine.refreshNow(account.id)

                let broken = try await run.waitUntil("the failed summary") { state in
                    state.accounts.first?.lastTryFailed(.summary) == true
                }
                let summary = try #require(broken.accounts.first?.summary)
                #expect(summary.value == good && summary.fetchedAt == fetchedAt)
                #expect(summary.freshness(at: broken.now).level == .stale)
                #expect(summary.lastError?.kind == .decoding && summary.lastError?.endpoint == path)
                let alerts = broken.alerts.filter { $0.text.hasPrefix("Unreadable answer") }
                #expect(alerts.count == 1 && alerts.first?.text.contains(path) == true, "\(broken.alerts.map(\.text))")

                // The fault was for one answer: the next regular fetch is whole and live again.
                try await run.waitUntil("the summary live again") { state in
                    state.accounts.first?.summary.freshness(at: state.now).level == .live
                        && state.accounts.first?.lastTryFailed(.summary) == false
                }
                #expect(try await gateway.statistics().totalPacingViolations == 0)
            }
        }
    }

    @Test func a429BurstSlowsTheEndpointDownWithoutARetryStorm() async throws {
        try await SimulatedGateway.with { gateway in
            try await EngineOnSimulator.run(on: gateway) { run in
                let live = try await run.waitUntil("every dataset live") {
                    EngineOnSimulator.everythingLive($0, accounts: 3)
                }
                let configured = live.cadences[.orders]
                let before = try await gateway.statistics()
                try await gateway.control(
                    #"{"command":"fault","kind":"rateLimit","durationSeconds":40,"pathPrefix":"/iserver/account/orders"}"#)
                let limited = try await run.waitUntil("the orders rate limited") { state in
                    state.accounts.contains { $0.orders.lastError?.kind == .rateLimited }
                }
                #expect(limited.cadences[.orders] > configured, "orders every \(limited.cadences[.orders])")
                try await Task.sleep(for: .seconds(40))

                let statistics = try await gateway.statistics()
                let asked = statistics.since(before).requests("GET /iserver/account/orders")
                // Three accounts at the normal cadence would have asked about six times in these 40 s; backing
                // off (15 s, then 30 s) leaves room for at most three tries.
                #expect(asked >= 1 && asked <= 3, "the simulator saw \(asked) orders requests in 40 s")
                let state = await run.engine.state
                let rateAlerts = state.alerts.filter { $0.text.hasPrefix("Rate limited") }
                #expect(rateAlerts.count == 1, "\(state.alerts.map(\.text))")
                #expect(!state.alerts.contains { $0.text.contains("penalty box") })
                #expect(statistics.totalPacingViolations == 0, "\(statistics.pacingViolations)")
                // Everything else went on meanwhile.
                #expect(state.accounts.allSatisfy { $0.summary.freshness(at: state.now).level == .live })
            }
        }
    }
}
