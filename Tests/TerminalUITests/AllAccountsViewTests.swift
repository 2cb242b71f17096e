import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// What a user saw wrong in the all-accounts view and the P&L pane, checked on frames of the sample dashboard.
@Suite struct AllAccountsViewTests {
    init() { TestLocale.useUTF8() }

    static func frame(
        _ state: DashboardState = SampleDashboard.state(), size: TerminalSize = TerminalSize(cols: 120, rows: 40),
        _ change: (inout ViewState) -> Void = { _ in }
    ) throws -> Grid {
        var view = ViewState(size: size)
        change(&view)
        return DashboardRenderer.frame(state, view: view, theme: try ThemeFixtures.theme("default"))
    }

    @Test func theNAVIsEveryAccountsInTheViewsCurrencyAtTodaysRates() throws {
        let state = SampleDashboard.state()
        let model = DashboardModel(state: state, view: ViewState(size: TerminalSize(cols: 120, rows: 40)))
        let series = NAVSeries(model: model, state: state)
        let main = try #require(state.account(SampleDashboard.main)?.history?.nav.last?.total)
        let family = try #require(state.account(SampleDashboard.family)?.history?.nav.last?.total)
        let rate = try #require(
            CurrencyConverter(ledgers: state.accounts.compactMap(\.ledger.value)).rate(from: .eur, to: .usd))
        #expect(series.points.count == 29)
        #expect(series.points.last?.total == main + rate.convert(family))
        // The paper account has no Flex history: the label says the sum is of two accounts out of three.
        #expect(series.label == "NAV 2 of 3 USD")
        #expect(series.explanation.contains("at today's FX rates"))
    }

    @Test func oneAccountsNAVIsItsOwn() throws {
        let state = SampleDashboard.state()
        var view = ViewState(size: TerminalSize(cols: 120, rows: 40))
        view.selectedAccount = SampleDashboard.family
        let series = NAVSeries(model: DashboardModel(state: state, view: view), state: state)
        #expect(series.label == "NAV EUR")
        #expect(series.points == state.account(SampleDashboard.family)?.history?.nav)
    }

    @Test func theSparklineHasNoGaps() throws {
        let grid = try Self.frame()
        let chart = try #require(grid.lines.first { $0.contains("▁") || $0.contains("█") })
        let pane = chart.split(separator: "│").map(String.init).first { $0.contains("▁") } ?? ""
        let drawn = pane.trimmingCharacters(in: .whitespaces)
        #expect(drawn.count == 29)
        #expect(!drawn.contains(" "))
    }

    @Test(arguments: [TerminalSize(cols: 120, rows: 40), TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 60, rows: 15)])
    func positionsOfTheSameSymbolSayWhichAccount(size: TerminalSize) throws {
        let extra = SampleDashboard.position(
            SampleDashboard.family, SampleDashboard.aapl, quantity: 1_000, price: 227, averagePrice: 200)
        let grid = try Self.frame(SampleDashboard.state(positions: [extra]), size: size)
        // Position rows, not the orders pane's.
        let rows = grid.lines.filter { $0.contains("AAPL") && !$0.contains("BUY") && !$0.contains("SELL") }
        #expect(rows.count == 2)
        #expect(rows.contains { $0.contains("Main") } && rows.contains { $0.contains("Family") })
    }

    @Test func theAccountBarKeepsNetLiquidationAtEightyColumns() throws {
        let bar = try Self.frame(size: TerminalSize(cols: 80, rows: 24)).text(ofRow: 0)
        #expect(bar.contains("173.6k") && bar.contains("49.67k") && bar.contains("1.00M"))
    }

    @Test func loadingIsNeverAHyphen() throws {
        var state = SampleDashboard.state()
        state.accounts[0].summary = Cached(cadence: .seconds(15))
        state.accounts[0].pnl = Cached(cadence: .seconds(15))
        let bar = try Self.frame(state).text(ofRow: 0)
        #expect(bar.contains("Main ◌"))
        #expect(!bar.contains(" - "))
    }

    @Test func realizedYearToDateGetsItsOwnRowWhenTheLineIsTooLong() throws {
        var state = SampleDashboard.state()
        state.consolidated?.totals.realizedToday = Decimal(string: "-1755.63")
        state.consolidated?.totals.realizedYearToDate = Decimal(string: "-22780.04")
        let lines = try Self.frame(state).lines
        #expect(lines.contains { $0.contains("Realized    -1,755.63 today") })
        #expect(lines.contains { $0.contains("Realized    -22,780.04 YTD") })
    }

    @Test func aSortByAColumnOffScreenIsNamedInTheTitle() throws {
        let grid = try Self.frame(size: TerminalSize(cols: 80, rows: 24)) { view in
            view.sorts[.positions] = SortOrder(column: .averageCost, descending: false)
        }
        #expect(grid.text(ofRow: 2).contains("sort: Avg cost↑"))
    }

    /// Sizes compare in one currency: in the all-accounts view, the consolidated one, whatever each account's
    /// base; and as the column shows each position in its own currency, the title says what the order is by.
    @Test func aMarketValueSortOrdersAllAccountsBySizeInTheConsolidatedCurrency() throws {
        let state = SampleDashboard.state()
        var view = ViewState(size: TerminalSize(cols: 160, rows: 45))
        view.sorts[.positions] = SortOrder(column: .marketValue, descending: true)
        let model = DashboardModel(state: state, view: view)
        let converter = CurrencyConverter(ledgers: state.accounts.compactMap(\.ledger.value))
        let sizes = try model.positions.map { line -> Double in
            let account = try #require(state.account(line.position.account))
            let base = try #require(line.valued.baseMarketValue)
            let rate = try #require(converter.rate(from: account.account.baseCurrency, to: .usd))
            return NSDecimalNumber(decimal: rate.convert(base.amount)).doubleValue
        }
        #expect(Set(model.positions.map(\.position.account)).count > 1)
        for (larger, smaller) in zip(sizes, sizes.dropFirst()) { #expect(larger >= smaller * (1 - 1e-9)) }
        let grid = DashboardRenderer.frame(state, view: view, theme: try ThemeFixtures.theme("default"))
        #expect(grid.lines.contains { $0.contains("Positions") && $0.contains("by USD value") })
        view.currency = .base
        let inBase = DashboardRenderer.frame(state, view: view, theme: try ThemeFixtures.theme("default"))
        #expect(!inBase.lines.contains { $0.contains("by USD value") })
    }
}
