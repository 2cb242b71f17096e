import Foundation
import Testing

@testable import Portfolio

@Suite struct EngineTests {
    let first: AccountID = "U1000000"

    @Test func loadsTheSessionThenTheAccountsThenEveryDataset() async throws {
        let harness = EngineHarness(accounts: 2)
        await harness.engine.start()
        await harness.run(for: .seconds(2))
        let state = await harness.engine.state
        await harness.engine.stop()
        let endpoints = harness.source.calls.map(\.endpoint)
        #expect(endpoints.first == "tickle")
        #expect(endpoints.dropFirst().first == "accounts")
        #expect(state.connection.session == .authenticated)
        #expect(state.accounts.map(\.id) == [first, "U1000001"])
        let account = try #require(state.account(first))
        #expect(account.summary.value?.netLiquidation == 100_000)
        #expect(account.totals.netLiquidation == 100_000)
        #expect(account.totals.dailyPnl == 150)
        #expect(state.consolidated?.totals.netLiquidation == 200_000)
        #expect(account.freshness(of: .summary, at: state.now)?.level == .live)
    }

    @Test func readOnlySessionFetchesNoBrokerageDatasets() async throws {
        let harness = EngineHarness(accounts: 1) { $0.session = SessionStatus(state: .readOnly) }
        await harness.engine.start()
        await harness.run(for: .seconds(120))
        let state = await harness.engine.state
        await harness.engine.stop()
        for endpoint in ["pnl", "orders", "trades", "quotes"] { #expect(harness.source.calls(to: endpoint).isEmpty) }
        #expect(harness.source.calls(to: "summary").count >= 8)
        #expect(state.connection.session == .readOnly)
        #expect(state.alerts.contains { $0.category == .session && $0.text.contains("read-only") })
    }

    @Test func whileLoggedOutOnlyTheTickleRunsAndALoginFetchesTheAccountsAgain() async throws {
        let harness = EngineHarness(accounts: 1)
        await harness.engine.start()
        await harness.run(for: .seconds(30))
        harness.source.update { $0.session = SessionStatus(state: .notLoggedIn) }
        await harness.engine.refreshNow()
        await harness.run(for: .seconds(1))
        let loggedOut = harness.clock.now
        await harness.run(for: .seconds(300))
        let during = harness.source.calls.filter { $0.time > loggedOut }
        #expect(Set(during.map(\.endpoint)) == ["tickle"])
        // Checked more often than the 60 s keep-alive, so a login shows soon.
        #expect(during.count >= 25)
        var state = await harness.engine.state
        #expect(state.connection.session == .notLoggedIn)
        #expect(state.alerts.filter { $0.category == .session }.count == 1)

        harness.source.update { $0.session = SessionStatus(state: .authenticated) }
        let login = harness.clock.now
        await harness.run(for: .seconds(20))
        state = await harness.engine.state
        await harness.engine.stop()
        #expect(harness.source.calls(to: "accounts").count == 2)
        let afterLogin = harness.source.calls.filter { $0.time >= login }.map(\.endpoint)
        let accountsIndex = try #require(afterLogin.firstIndex(of: "accounts"))
        let summaryIndex = try #require(afterLogin.firstIndex(of: "summary"))
        #expect(accountsIndex < summaryIndex)
        #expect(state.alerts.first?.text.contains("restored") == true)
    }

    @Test func anErrorKeepsTheLastGoodValueMarksItStaleAndAlertsOncePerEpisode() async throws {
        let harness = EngineHarness(accounts: 1)
        await harness.engine.start()
        await harness.run(for: .seconds(5))
        let failure = SourceError(.server(status: 503), endpoint: "/portfolio/U1000000/summary", message: "busy")
        harness.source.update { $0.failures["summary"] = failure }
        await harness.run(for: .seconds(60))
        var state = await harness.engine.state
        let summary = try #require(state.account(first)?.summary)
        #expect(summary.value?.netLiquidation == 100_000)
        #expect(summary.lastError == failure)
        #expect(summary.freshness(at: state.now).level == .stale)
        #expect(harness.source.calls(to: "summary").count >= 4)
        #expect(state.alerts.filter { $0.text.contains("busy") }.count == 1)

        harness.source.update { $0.failures["summary"] = nil }
        await harness.run(for: .seconds(20))
        state = await harness.engine.state
        #expect(state.account(first)?.summary.freshness(at: state.now).level == .live)

        harness.source.update { $0.failures["summary"] = failure }
        await harness.run(for: .seconds(20))
        state = await harness.engine.state
        await harness.engine.stop()
        #expect(state.alerts.filter { $0.text.contains("busy") }.count == 2)
    }

    @Test func aBrokerageRefusalThatTheSessionCheckExplainsIsToldOnceByTheSessionAlert() async throws {
        let harness = EngineHarness(accounts: 2)
        await harness.engine.start()
        await harness.run(for: .seconds(30))
        let refused = SourceError(.brokerageUnavailable, endpoint: "/iserver/account/orders", message: "401")
        harness.source.update { book in
            for endpoint in ["pnl", "orders", "trades", "quotes"] { book.failures[endpoint] = refused }
            book.session = SessionStatus(state: .readOnly)
        }
        await harness.run(for: .seconds(60))
        let state = await harness.engine.state
        await harness.engine.stop()
        #expect(state.connection.session == .readOnly)
        #expect(state.alerts.map(\.text).filter { $0.contains("read-only") }.count == 1)
        #expect(!state.alerts.contains { $0.text.hasPrefix("Brokerage data refused") }, "\(state.alerts.map(\.text))")
    }

    @Test func aBrokerageRefusalWhileTheSessionCheckSaysUpIsAlertedOnce() async throws {
        let harness = EngineHarness(accounts: 2)
        await harness.engine.start()
        await harness.run(for: .seconds(30))
        let refused = SourceError(.brokerageUnavailable, endpoint: "/iserver/account/orders", message: "no bridge")
        harness.source.update { $0.failures["orders"] = refused }
        await harness.run(for: .seconds(120))
        let state = await harness.engine.state
        await harness.engine.stop()
        #expect(state.connection.session == .authenticated)
        let alerts = state.alerts.filter { $0.text.hasPrefix("Brokerage data refused") }
        #expect(alerts.count == 1 && alerts.first?.text.contains("no bridge") == true, "\(state.alerts.map(\.text))")
    }

    @Test func thePenaltyBoxPausesEverythingAndDataAgesFromLiveToStale() async throws {
        let harness = EngineHarness(accounts: 1)
        await harness.engine.start()
        await harness.run(for: .seconds(12))
        let penalty = SourceError(.penaltyBox, endpoint: "/iserver/account/pnl/partitioned", message: "429")
        harness.source.update { $0.failures["pnl"] = penalty }
        await harness.run(for: .seconds(11))
        let paused = try #require(harness.source.calls(to: "pnl").last?.time)
        harness.source.update { $0.failures["pnl"] = nil }
        let fetched = try #require(harness.source.calls(to: "summary").last?.time)

        // Nothing refreshes the summary now: it ages from live through aging to stale, against its cadence,
        // which the penalty doubled to 30 s (live to 35 s, stale from 90 s).
        var levels: [Freshness.Level] = []
        for age in [10.0, 50, 100] {
            await harness.run(for: .seconds(max(0, fetched.addingTimeInterval(age).timeIntervalSince(harness.clock.now))))
            let state = await harness.engine.state
            levels.append(state.account(first)?.freshness(of: .summary, at: state.now)?.level ?? .missing)
        }
        #expect(levels == [.live, .aging, .stale])

        await harness.run(for: .seconds(15 * 60))
        let state = await harness.engine.state
        await harness.engine.stop()
        let resumed = paused.addingTimeInterval(15 * 60)
        #expect(harness.source.calls.filter { $0.time > paused && $0.time < resumed }.isEmpty)
        #expect(harness.source.calls.contains { $0.time >= resumed })
        // Requests resume at half speed.
        #expect(state.cadences.stretched)
        #expect(state.cadences[.summary] == .seconds(30))
        #expect(state.alerts.filter { $0.severity == .critical }.count == 1)
        #expect(!state.alerts.contains { $0.text.hasPrefix("Stale") })
    }

    @Test func aRateLimitedDatasetSlowsDownInsteadOfRetrying() async throws {
        let harness = EngineHarness(accounts: 1)
        await harness.engine.start()
        await harness.run(for: .seconds(12))
        harness.source.update {
            $0.failures["orders"] = SourceError(.rateLimited, endpoint: "/iserver/account/orders", message: "429")
        }
        let limited = harness.clock.now
        await harness.run(for: .seconds(120))
        let state = await harness.engine.state
        await harness.engine.stop()
        // 10 s doubles at each 429: 20, 40, 80 s.
        #expect(state.cadences[.orders] >= .seconds(80))
        #expect(state.cadences[.pnl] == .seconds(10))
        #expect(harness.source.calls(to: "orders").filter { $0.time > limited }.count <= 4)
        #expect(state.alerts.filter { $0.text.hasPrefix("Rate limited") }.count == 1)
    }

    @Test func aFillRefreshesPositionsAndPnLEarly() async throws {
        let harness = EngineHarness(accounts: 1) { book in
            book.orders["U1000000"] = [Fixtures.order(7, "U1000000", status: .submitted)]
        }
        await harness.engine.start()
        await harness.run(for: .seconds(3))
        #expect(harness.source.calls(to: "orders").count == 1)
        harness.source.update { book in
            book.orders["U1000000"] = [Fixtures.order(7, "U1000000", status: .filled, filled: 100)]
        }
        await harness.run(for: .seconds(12))
        let seen = try #require(harness.source.calls(to: "orders").dropFirst().first?.time)
        let state = await harness.engine.state
        await harness.engine.stop()
        let invalidated = harness.source.calls(to: "invalidate").map(\.time)
        #expect(invalidated == [seen])
        #expect(harness.source.calls(to: "positions").contains { $0.time == seen })
        // P&L next would have come 9.5 s later; after the fill it comes as soon as its 5 s spacing allows.
        let early = harness.source.calls(to: "pnl").filter { $0.time > seen && $0.time.timeIntervalSince(seen) <= 5.001 }
        #expect(!early.isEmpty)
        #expect(state.alerts.contains { $0.category == .trading && $0.text.hasPrefix("Order filled: BUY 100 AAPL") })
    }

    @Test func refreshNowFetchesTheAccountAsSoonAsTheBudgetAllows() async throws {
        let harness = EngineHarness(accounts: 3)
        await harness.engine.start()
        await harness.run(for: .seconds(40))
        let asked = harness.clock.now
        await harness.engine.refreshNow(first)
        await harness.run(for: .seconds(5))
        await harness.engine.stop()
        for endpoint in ["summary", "ledger", "positions", "invalidate", "quotes"] {
            let call = harness.source.calls(to: endpoint).first { $0.time >= asked && ($0.account ?? first) == first }
            #expect(call.map { $0.time.timeIntervalSince(asked) <= 1 } == true, "\(endpoint)")
        }
        for endpoint in ["pnl", "orders", "trades"] {
            let call = harness.source.calls(to: endpoint, account: first).first { $0.time >= asked }
            #expect(call.map { $0.time.timeIntervalSince(asked) <= 5 } == true, "\(endpoint)")
        }
    }

    @Test func theFocusedAccountLoadsFirst() async throws {
        let harness = EngineHarness(accounts: 20)
        await harness.engine.setFocus(account: "U1000013", datasets: [.positions, .summary])
        await harness.engine.start()
        await harness.run(for: .seconds(3))
        await harness.engine.stop()
        let data = harness.source.calls.filter { $0.account != nil }
        #expect(data.prefix(2).allSatisfy { $0.account == "U1000013" })
        #expect(Set(data.prefix(2).map(\.endpoint)) == ["summary", "positions"])
    }

    @Test func statesArePublishedOnChangesAndEverySecondWhileAgesTick() async throws {
        let harness = EngineHarness(accounts: 1)
        let collector = Task {
            var times: [Date] = []
            for await state in harness.engine.states { times.append(state.now) }
            return times
        }
        await harness.engine.start()
        await harness.run(for: .seconds(30))
        await harness.engine.stop()
        let times = await collector.value
        let gaps = zip(times, times.dropFirst()).map { $1.timeIntervalSince($0) }
        #expect(times.count >= 30)
        #expect((gaps.max() ?? 2) <= 1.001)
    }

    @Test func fetchesThatBringTheSameValuesBackAreShownByTheNextTickNotAFrameEach() async throws {
        let harness = EngineHarness(accounts: 2)
        let collector = Task {
            var states: [DashboardState] = []
            for await state in harness.engine.states { states.append(state) }
            return states
        }
        await harness.engine.start()
        await harness.run(for: .seconds(10))
        let loaded = harness.clock.now
        await harness.run(for: .seconds(60))
        // The price moves between two fetches of the first account's positions.
        harness.source.update { $0.positions[$0.accounts[0].id]?[0].marketPrice = 201 }
        await harness.run(for: .seconds(20))
        await harness.engine.stop()
        let states = await collector.value
        let first = harness.source.book.accounts[0].id

        // Nothing but ages moved for a minute: one state a second, none between the ticks.
        let idle = states.filter { $0.now > loaded && $0.now <= loaded + 60 }
        let fetches = harness.source.calls.filter { $0.account != nil && $0.time > loaded && $0.time <= loaded + 60 }
        #expect(fetches.count >= 20)
        #expect(idle.count >= 55 && idle.count <= 61)
        let gaps = zip(idle, idle.dropFirst()).map { $1.now.timeIntervalSince($0.now) }
        #expect((gaps.min() ?? 0) >= 0.999)
        // Every fetch's time shows by the next tick.
        for fetch in fetches where fetch.endpoint == "positions" {
            let shown = idle.first { $0.accounts.first { $0.id == fetch.account }?.positions.fetchedAt == fetch.time }
            #expect(shown.map { $0.now.timeIntervalSince(fetch.time) <= 1.001 } == true)
        }

        // A new price is on screen the moment its fetch is in.
        let moved = try #require(
            states.first { $0.accounts.first { $0.id == first }?.positions.value?[0].marketPrice == 201 })
        let account = try #require(moved.accounts.first { $0.id == first })
        #expect(moved.now == account.positions.fetchedAt)
    }
}
