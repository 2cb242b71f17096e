import Foundation
import Testing

@testable import Portfolio

/// A whole day of the engine against IBKR's habits (`IBKRDay`) on a virtual clock: what it keeps stays bounded,
/// the nightly reset keeps the last good values (marked stale) and asks for nothing but the session, and the
/// re-login runs the account list again before fresh values replace the old ones.
@Suite struct LongSessionTests {
    static let accountCount = 2
    static let navPoints = 30

    /// Slower than the defaults so that a day runs in moments; every dataset still refreshes many times an hour.
    static var cadences: Cadences {
        var cadences = Cadences()
        cadences.summary = .seconds(60)
        cadences.ledger = .seconds(120)
        cadences.positions = .seconds(60)
        cadences.pnl = .seconds(30)
        cadences.orders = .seconds(30)
        cadences.trades = .seconds(120)
        cadences.quotes = .seconds(60)
        return cadences
    }

    static let fetched: [Dataset] = [.summary, .ledger, .positions, .pnl, .orders, .trades, .quotes]

    /// What the engine holds, which must not grow with time.
    struct Footprint: Equatable {
        var accounts: Int
        var positions: [Int]
        var orders: [Int]
        var navPoints: [Int]
        var jobs: Int
        var fetchesRunning: Int
        var sleepers: Int
    }

    @Test(.timeLimit(.minutes(10))) func aDayAtIBKRStaysBoundedAndComesBackWholeAfterTheNightlyReset() async throws {
        let clock = VirtualTimeSource(start: IBKRDay.start)
        let history = FakeHistorySource(clock: clock, kept: nil, answer: .success(Self.statement(at: clock.now)))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-day-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let alertFile = directory.appendingPathComponent("alerts.log")
        let harness = EngineHarness(
            accounts: Self.accountCount, clock: clock,
            configuration: EngineConfiguration(gateway: "localhost:5000", cadences: Self.cadences), history: history,
            alertLog: alertFile
        ) { book in
            for conid in [265_598, 272_093] { book.quotes[conid] = MarketQuote(conid: conid, last: 1, change: 0) }
        }
        var day = IBKRDay()
        var beforeReset: DashboardState?
        var midday: Footprint?
        await harness.engine.start()
        for minute in 0..<(24 * 60) {
            let offset = Duration.minutes(minute)
            switch offset {
            case IBKRDay.nightlyReset.from:
                beforeReset = await harness.engine.state
            case IBKRDay.nightlyReset.from + .minutes(6):
                try await Self.expectOutage(harness, keeping: try #require(beforeReset))
            case IBKRDay.nightlyReset.until + .minutes(5):
                await Self.expectRecovered(harness)
            case Duration.hours(12):
                midday = await Self.footprint(harness)
            default:
                break
            }
            harness.source.update { day.prepareMinute(at: offset, of: &$0) }
            history.setAnswer(.success(Self.statement(at: clock.now)))
            await harness.run(for: .seconds(60))
        }
        let end = await Self.footprint(harness)
        let state = await harness.engine.state
        await harness.engine.stop()

        #expect(clock.now == IBKRDay.start.adding(.hours(24)))
        #expect(end == midday, "the engine holds no more after 24 hours than after 12")
        #expect(end.positions == [2, 2] && end.orders.allSatisfy { $0 <= IBKRDay.ordersKept })
        #expect(end.navPoints == [Self.navPoints, Self.navPoints] && end.jobs <= Self.accountCount * 8 + 3)
        #expect(end.fetchesRunning == 0 && end.sleepers <= 1)

        // The alert log keeps its newest 1,000 of the many more the day raised; the file has every one of them.
        let newest = try #require(state.alerts.first)
        #expect(state.alerts.count == 1000 && newest.id > 1200, "\(state.alerts.count) alerts, the newest #\(newest.id)")
        #expect(zip(state.alerts, state.alerts.dropFirst()).allSatisfy { $0.id == $1.id + 1 })
        let lines = try String(contentsOf: alertFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == newest.id)
        for text in ["unreachable", "not logged in", "competing"] {
            #expect(lines.contains { $0.localizedCaseInsensitiveContains(text) }, "no alert about \(text)")
        }

        // Everything is live at the end, and shows the gateway's last answer.
        let book = harness.source.book
        for account in state.accounts {
            for dataset in Self.fetched {
                #expect(account.freshness(of: dataset, at: clock.now)?.level == .live, "\(account.id) \(dataset)")
            }
            #expect(account.positions.value == book.positions[account.id])
            #expect(account.orders.value == book.orders[account.id])
        }
        // The Flex statement is fetched at its cadence (every six hours), not more.
        #expect((4...5).contains(history.fetchTimes.count), "\(history.fetchTimes.count) Flex fetches")
        #expect(try #require(state.history.fetchedAt) > clock.now.adding(.hours(-6)))
    }

    /// Six minutes into the nightly reset (three cadences of the slowest dataset): the session says so, every
    /// value of the evening is still there but stale, and nothing but the session check has been asked for since the first refusals.
    static func expectOutage(_ harness: EngineHarness, keeping before: DashboardState) async throws {
        let state = await harness.engine.state
        let now = harness.clock.now
        #expect(state.connection.session == .notLoggedIn)
        for account in state.accounts {
            let old = try #require(before.account(account.id))
            #expect(account.summary.value == old.summary.value && account.summary.value != nil)
            #expect(account.ledger.value == old.ledger.value && account.positions.value == old.positions.value)
            #expect(account.pnl.value == old.pnl.value && account.orders.value == old.orders.value)
            for dataset in fetched {
                #expect(account.freshness(of: dataset, at: now)?.level == .stale, "\(account.id) \(dataset) during the reset")
            }
        }
        let quiet = IBKRDay.nightlyReset.start(after: IBKRDay.start).adding(.seconds(30))
        let asked = harness.source.calls.filter { $0.time >= quiet }
        #expect(asked.allSatisfy { $0.endpoint == "tickle" }, "\(Set(asked.map(\.endpoint)))")
        let tickles = asked.map(\.time)
        #expect(zip(tickles, tickles.dropFirst()).allSatisfy { $1.timeIntervalSince($0) >= 9 })
        #expect(tickles.count >= 25, "the session is checked every 10 s while logged out")
    }

    /// Five minutes after the re-login: the account list came first, then every dataset was fetched again and is
    /// live with the next day's values.
    static func expectRecovered(_ harness: EngineHarness) async {
        let state = await harness.engine.state
        let now = harness.clock.now
        let login = IBKRDay.nightlyReset.end(after: IBKRDay.start)
        #expect(state.connection.session == .authenticated)
        let calls = harness.source.calls.enumerated().filter { $0.element.time >= login }
        let list = calls.first { $0.element.endpoint == "accounts" }?.offset
        let firstAccountCall = calls.first { $0.element.account != nil }?.offset
        #expect(list != nil && firstAccountCall != nil && list ?? .max < firstAccountCall ?? .min)
        for account in state.accounts {
            for dataset in fetched {
                #expect(account.freshness(of: dataset, at: now)?.level == .live, "\(account.id) \(dataset) after the login")
                #expect((account.slot(dataset)?.fetchedAt ?? .distantPast) > login, "\(account.id) \(dataset)")
            }
            #expect(account.summary.value?.netLiquidation == IBKRDay.nextDayNetLiquidation)
            // IBKR dropped yesterday's fills at the reset: the orders shown are today's list, not the evening's.
            #expect(account.orders.value == harness.source.book.orders[account.id])
        }
    }

    static func footprint(_ harness: EngineHarness) async -> Footprint {
        let state = await harness.engine.state
        let (jobs, running) = await harness.engine.workHeld
        return Footprint(
            accounts: state.accounts.count, positions: state.accounts.map { $0.positions.value?.count ?? 0 },
            orders: state.accounts.map { $0.orders.value?.count ?? 0 },
            navPoints: state.accounts.map { $0.history?.nav.count ?? 0 }, jobs: jobs,
            fetchesRunning: running, sleepers: harness.clock.sleeperCount)
    }

    /// A Flex statement generated at `time`, with the same number of NAV points every time.
    static func statement(at time: Date) -> HistorySnapshot {
        let accounts = (0..<accountCount).map { AccountID("U\(1_000_000 + $0)") }
        return HistorySnapshot(
            accounts: Dictionary(
                uniqueKeysWithValues: accounts.map { id in
                    let nav = (0..<navPoints).map { day in
                        NAVPoint(date: time.adding(.seconds(-86_400 * (navPoints - day))), total: 100_000)
                    }
                    return (id, AccountHistory(account: id, baseCurrency: .usd, nav: nav))
                }),
            generatedAt: time)
    }
}

extension DashboardEngine {
    /// Jobs in the queue and fetches under way.
    fileprivate var workHeld: (jobs: Int, running: Int) { (queue.entries.count, runs.count) }
}
