import Foundation
import Testing

@testable import Portfolio

/// 25 accounts polled for a simulated hour stay inside IBKR's pacing limits, and still refresh every dataset at
/// the cadence the state reports.
@Suite struct PacingTests {
    @Test(.timeLimit(.minutes(10))) func twentyFiveAccountsForAnHourStayInsideEveryLimit() async throws {
        let harness = EngineHarness(accounts: 25) { book in
            for conid in [265_598, 272_093] { book.quotes[conid] = MarketQuote(conid: conid, last: 1, change: 0) }
        }
        await harness.engine.start()
        await harness.run(for: .seconds(3600))
        let state = await harness.engine.state
        await harness.engine.stop()
        let calls = harness.source.calls
        #expect(calls.count > 10_000)

        // At most 10 requests in any one-second window.
        let times = calls.map(\.time.milliseconds).sorted()
        var first = 0
        var busiest = 0
        for last in times.indices {
            while times[last] - times[first] >= 1000 { first += 1 }
            busiest = max(busiest, last - first + 1)
        }
        #expect(busiest <= 10)

        // One per 5 s on the shared endpoints across all accounts, one per second for the tickle.
        for (endpoint, spacing) in [("pnl", 5000), ("orders", 5000), ("trades", 5000), ("accounts", 5000), ("tickle", 1000)] {
            let starts = harness.source.calls(to: endpoint).map(\.time.milliseconds).sorted()
            let closest = zip(starts, starts.dropFirst()).map { $1 - $0 }.min() ?? Int64(spacing)
            #expect(closest >= Int64(spacing), "\(endpoint): two calls \(closest) ms apart")
        }

        // The cadences stretched by themselves: 25 accounts cannot share one P&L call per 5 s every 10 s.
        #expect(state.cadences.stretched)
        #expect(state.cadences[.pnl] >= .seconds(125))
        #expect(state.cadences[.orders] >= .seconds(125))
        // The rest stretches only as far as the planned request rate needs.
        #expect(state.cadences[.summary] >= .seconds(15) && state.cadences[.summary] <= .seconds(20))

        // After the first load, every dataset of every account refreshes within its effective cadence plus the
        // grace, so nothing on screen ever stops being live.
        let warmUp = harness.start.addingTimeInterval(300)
        let end = harness.clock.now
        for account in state.accounts {
            for (dataset, endpoint) in [
                (Dataset.summary, "summary"), (.ledger, "ledger"), (.positions, "positions"), (.pnl, "pnl"),
                (.orders, "orders"), (.trades, "trades"),
            ] {
                let allowed = (state.cadences[dataset] + Freshness.grace).timeInterval
                let times = harness.source.calls(to: endpoint, account: account.id).map(\.time)
                let gaps = zip(times, times.dropFirst()).filter { $1 > warmUp }.map { $1.timeIntervalSince($0) }
                let sinceLast = times.last.map { end.timeIntervalSince($0) } ?? .infinity
                #expect((gaps.max() ?? 0) <= allowed, "\(account.id) \(endpoint): gap \(gaps.max() ?? 0) s")
                #expect(sinceLast <= allowed, "\(account.id) \(endpoint): last call \(sinceLast) s ago")
                #expect(account.freshness(of: dataset, at: end)?.level == .live)
            }
        }
        // One market snapshot per account and cadence in effect.
        let quotesCadence = Int(state.cadences[.quotes].timeInterval)
        #expect(harness.source.calls(to: "quotes").count >= 25 * (3600 - 300) / quotesCadence)
    }
}
