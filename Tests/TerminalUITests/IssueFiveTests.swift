import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// What a user saw wrong in the demo (issue 5), each checked on what is drawn.
@Suite struct IssueFiveTests {
    func painter() throws -> Painter {
        Painter(theme: try ThemeFixtures.theme("default"), privacy: false, clock: .utc, flashes: nil)
    }

    @Test func aChangeThatRoundsToZeroIsNeitherGainNorLoss() throws {
        let painter = try painter()
        let compact = painter.change(Decimal(string: "0.3"), compact: true)
        #expect(compact.text == "0")
        #expect(compact.role == .neutral)
        #expect(painter.change(Decimal(string: "-0.004")).role == .neutral)
        #expect(painter.change(Decimal(string: "0.01")).role == .gain)
        #expect(painter.change(Decimal(string: "-2")).role == .loss)
    }
}

extension IssueFiveTests {
    @Test func aTradeShowsItsSideAndAnUnsignedQuantity() throws {
        let sell = Trade(
            id: "1", account: "U1", conid: 1, symbol: "XOM", assetClass: .stock, currency: .usd, time: nil, side: .sell,
            quantity: -98, price: 110)
        let lines = TradeTable.lines([sell], showAccount: false, painter: try painter(), width: 120)
        let row = lines.last.map { $0.spans.map(\.text).joined() } ?? ""
        #expect(row.contains("SELL"))
        #expect(row.contains("98"))
        #expect(!row.contains("-98"))
    }
}

extension IssueFiveTests {
    static let size = TerminalSize(cols: 160, rows: 45)

    func statusRow(_ state: DashboardState, theme: String = "default") throws -> (text: String, grid: Grid) {
        let grid = DashboardRenderer.frame(state, view: ViewState(size: Self.size), theme: try ThemeFixtures.theme(theme))
        return (grid.text(ofRow: Self.size.rows - 1), grid)
    }

    @Test func theStatusLineNamesTheCadenceAndWarnsOnlyWhenPaced() throws {
        var state = SampleDashboard.state()
        let calm = try statusRow(state).text
        #expect(calm.contains("positions 15s"))
        #expect(!calm.contains("paced"))
        state.cadences.datasets[.orders] = .seconds(30)
        state.cadences.stretched = true
        state.cadences.stretchedDatasets = [.orders]
        let paced = try statusRow(state)
        #expect(paced.text.contains("orders 30s paced"))
        let column = try #require(paced.text.range(of: "orders 30s").map { paced.text.distance(from: paced.text.startIndex, to: $0.lowerBound) })
        let theme = try ThemeFixtures.theme("default")
        #expect(paced.grid[column, Self.size.rows - 1].style.foreground == theme[.warning].foreground)
    }

    @Test func theMonoStatusBarIsReversedThroughout() throws {
        var state = SampleDashboard.state()
        state.connection.isDemo = true
        let (text, grid) = try statusRow(state, theme: "mono")
        #expect(text.contains("DEMO"))
        for x in 0..<Self.size.cols {
            #expect(grid[x, Self.size.rows - 1].style.attributes.contains(.reverse), "column \(x)")
        }
    }
}

extension IssueFiveTests {
    func accountFrame(nextChange: Date?) throws -> String {
        var state = SampleDashboard.state()
        state.accounts[0].summary.value?.lookAhead.nextChange = nextChange
        var view = ViewState(size: Self.size)
        view.selectedAccount = SampleDashboard.main
        view.screens = [.main, .account(SampleDashboard.main)]
        let grid = DashboardRenderer.frame(state, view: view, theme: try ThemeFixtures.theme("default"))
        return (0..<Self.size.rows).map { grid.text(ofRow: $0) }.joined(separator: "\n")
    }

    @Test func theBreadcrumbNamesTheSelectedAccountOnce() throws {
        var view = ViewState(size: Self.size)
        view.selectedAccount = SampleDashboard.main
        view.screens = [.main, .account(SampleDashboard.main)]
        let crumb = Breadcrumb.text(view: view, state: SampleDashboard.state())
        #expect(crumb.components(separatedBy: SampleDashboard.main.rawValue).count == 2, "\(crumb)")
        #expect(crumb.hasPrefix(SampleDashboard.main.rawValue + " › "))
    }

    @Test func aLookAheadTimeThatHasPassedSaysSo() throws {
        let past = try accountFrame(nextChange: SampleDashboard.ago(2 * 3600 + 20 * 60))
        #expect(past.contains("IBKR's next change 2025-03-14 12:10, passed 2h ago"))
        let future = try accountFrame(nextChange: SampleDashboard.now.addingTimeInterval(30 * 60))
        #expect(future.contains("next change 2025-03-14 15:00, in 30m"))
        #expect(!future.contains("passed"))
    }
}

extension IssueFiveTests {
    @Test func anEmptyAlertsPaneGivesItsRowsToTheLists() throws {
        for size in [TerminalSize(cols: 70, rows: 40), TerminalSize(cols: 160, rows: 45)] {
            let full = ScreenLayout(size: size)
            let empty = ScreenLayout(size: size, alerts: 0)
            let alerts = try #require(empty.panes[.alerts])
            #expect(alerts.height == 3)
            #expect(alerts.maxY == full.body.maxY)
            let grown: PaneID = full.mode == .wide ? .orders : .positions
            let before = try #require(full.panes[grown]), after = try #require(empty.panes[grown])
            #expect(after.height - before.height == (full.panes[.alerts]?.height ?? 0) - 3)
            // Many alerts keep the full pane.
            #expect(ScreenLayout(size: size, alerts: 500) == ScreenLayout(size: size, alerts: nil) || full.panes == ScreenLayout(size: size, alerts: 500).panes)
        }
        var state = SampleDashboard.state()
        state.alerts = []
        let grid = DashboardRenderer.frame(state, view: ViewState(size: TerminalSize(cols: 70, rows: 40)), theme: try ThemeFixtures.theme("default"))
        let rows = (0..<40).map { grid.text(ofRow: $0) }
        let alertsTitle = try #require(rows.firstIndex { $0.contains("Alerts (0)") })
        #expect(rows[alertsTitle + 1].contains("No alerts"))
        #expect(alertsTitle + 3 == 39)
    }
}

extension IssueFiveTests {
    @Test func theAccountColumnUsesOneKindOfName() {
        var state = SampleDashboard.state()
        let named = AccountLabel(state: state)
        #expect([SampleDashboard.main, SampleDashboard.family].map(named.text) == ["Main", "Family"])
        state.accounts[0].account.displayName = "A very long account alias"
        #expect(AccountLabel(state: state).text(SampleDashboard.main) == TextWidth.truncate("A very long account alias", to: 10))
        // One account without an alias: every row shows its id.
        state.accounts[1].account.displayName = SampleDashboard.family.rawValue
        let ids = AccountLabel(state: state)
        #expect([SampleDashboard.main, SampleDashboard.family, SampleDashboard.paper].map(ids.text)
            == [SampleDashboard.main, SampleDashboard.family, SampleDashboard.paper].map(\.rawValue))
    }
}

extension IssueFiveTests {
    @Test func totalsThatMoveWithPricesDoNotFlashAndFlashesAreNotReversed() throws {
        var scene = try FlashScene(size: Self.size)
        let theme = scene.theme
        #expect(!theme[.flash].attributes.contains(.reverse))
        scene.state.accounts[0].totals.dailyPnl = 2000
        scene.state.accounts[0].totals.unrealizedPnl = 9000
        scene.state.accounts[0].totals.netLiquidation = 200_000
        let grid = scene.render(after: .milliseconds(100))
        let text = (0..<Self.size.rows).map { grid.text(ofRow: $0) }.joined()
        #expect(text.contains("+2,000"))
        let flashing = (0..<Self.size.rows).flatMap { y in (0..<Self.size.cols).map { (x: $0, y: y) } }
            .filter { grid[$0.x, $0.y].style == theme[.flash] }
        #expect(flashing.isEmpty, "\(flashing.prefix(5))")
    }
}

extension IssueFiveTests {
    @Test func anAlertThatNamesItsAccountFirstShowsItOnce() throws {
        var state = SampleDashboard.state()
        let account = SampleDashboard.main
        state.alerts = [
            Alert(id: 5, time: SampleDashboard.ago(5), severity: .warning, category: .data, account: account,
                  text: "\(account.rawValue) summary: timed out after 10s"),
            Alert(id: 4, time: SampleDashboard.ago(9), severity: .warning, category: .risk, account: account,
                  text: "Cushion fell below 55 %"),
        ]
        let grid = DashboardRenderer.frame(
            state, view: ViewState(size: TerminalSize(cols: 160, rows: 45)), theme: try ThemeFixtures.theme("default"))
        let rows = (0..<45).map { grid.text(ofRow: $0) }
        let failed = try #require(rows.first { $0.contains("summary: timed out") })
        #expect(failed.components(separatedBy: account.rawValue).count == 2)
        let risk = try #require(rows.first { $0.contains("Cushion fell below") })
        #expect(risk.contains("\(account.rawValue) Cushion fell below"))
    }
}
