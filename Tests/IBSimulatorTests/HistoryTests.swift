import Foundation
import Testing

@testable import IBSimulator

/// The accounts' past, kept for the Flex statements: trades with realized P&L, dividends, NAV closes.
@Suite struct HistoryTests {
    @Test func accountsHaveAYearOfHistory() async {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.historyDays = 260
        let engine = GatewayEngine(configuration: configuration)
        let accounts = await engine.accounts
        #expect(accounts.count == 3)
        for account in accounts {
            #expect(account.navCloses.count == 260)
            #expect(account.trades.contains { $0.realizedPnl != 0 })
            #expect(account.cashEntries.contains { $0.kind == .deposit })
            #expect(account.navCloses.allSatisfy { $0.total == $0.cash + $0.stock + $0.options + $0.futures })
            #expect(account.navCloses.last.map { $0.total > 0 } == true)
        }
        #expect(accounts.contains { account in account.cashEntries.contains { $0.kind == .dividend } })
        #expect(Set(accounts.map(\.baseCurrency)) == ["USD", "EUR"])
    }

    @Test func theSeedReproducesTheAccounts() async {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.seed = 42
        let first = await GatewayEngine(configuration: configuration).accounts
        let second = await GatewayEngine(configuration: configuration).accounts
        #expect(first.map(\.id) == second.map(\.id))
        #expect(first.map { $0.trades.map(\.price) } == second.map { $0.trades.map(\.price) })
        configuration.seed = 43
        let other = await GatewayEngine(configuration: configuration).accounts
        #expect(other.map(\.id) != first.map(\.id))
    }

    @Test func ordersProgressOnTheClock() async {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.priceTick = .seconds(1)
        let start = Date()
        let engine = GatewayEngine(configuration: configuration, now: start)
        let id = await engine.placeRandomOrder(account: nil, at: start)
        await engine.advance(to: start.addingTimeInterval(3))
        let status = await engine.orders.first { $0.id == id }?.status
        #expect(status != .preSubmitted)
    }

    @Test func aNewTradingDayClosesTheLastOne() async throws {
        var configuration = SimulatorHarness.testConfiguration()
        configuration.switches.dailyReset = nil
        // A Wednesday, 10:00 in New York.
        let start = try #require(ISO8601DateFormatter().date(from: "2026-11-18T15:00:00Z"))
        let engine = GatewayEngine(configuration: configuration, now: start)
        let closesBefore = await engine.accounts[0].navCloses.count
        await engine.advance(to: start.addingTimeInterval(86_400))
        let account = await engine.accounts[0]
        #expect(account.navCloses.count == closesBefore + 1)
        #expect(account.navCloses.last?.day == TradingCalendar().tradingDay(of: start))
        let orders = await engine.orders
        #expect(orders.allSatisfy { $0.status.isWorking && $0.timeInForce != "DAY" })
        let market = await engine.market
        #expect(market.day == TradingCalendar().tradingDay(of: start.addingTimeInterval(86_400)))
        for conid in account.heldConids { #expect(market.priorClose[conid] != nil) }
    }
}
