import Foundation
import Portfolio
import Testing

@testable import TerminalUI

@Suite struct KeyReducerTests {
    init() { TestLocale.useUTF8() }

    let state = SampleDashboard.state()

    func view(_ size: TerminalSize = TerminalSize(cols: 120, rows: 40)) -> ViewState { ViewState(size: size) }

    @discardableResult
    func press(_ keys: [Key], _ view: inout ViewState) -> [Effect] {
        keys.flatMap { KeyReducer.reduce(&view, key: $0, state: state) }
    }

    func selectedPosition(_ view: ViewState) -> String? {
        let model = DashboardModel(state: state, view: view)
        let keys = model.positions.map(\.key)
        return keys.isEmpty ? nil : keys[view.cursor(.positions).resolvedIndex(in: keys)]
    }

    @Test func focusStartsOnPositionsAndTabCyclesThePanesOnScreen() {
        var view = view()
        #expect(view.focus == .positions)
        press([.tab], &view)
        #expect(view.focus == .orders)
        press([.tab, .tab], &view)
        #expect(view.focus == .accounts)
        press([.backTab], &view)
        #expect(view.focus == .alerts)
        // A compact screen shows no orders or alerts, so Tab skips them.
        var compact = self.view(TerminalSize(cols: 60, rows: 15))
        press([.tab], &compact)
        #expect(compact.focus == .accounts)
        press([.tab], &compact)
        #expect(compact.focus == .positions)
    }

    @Test func movementIsClampedToTheList() {
        var view = view()
        view.selectedAccount = SampleDashboard.main
        let keys = DashboardModel(state: state, view: view).positions.map(\.key)
        press([.character("k")], &view)
        #expect(selectedPosition(view) == keys.first)
        press(Array(repeating: .character("j"), count: 20), &view)
        #expect(selectedPosition(view) == keys.last)
        press([.character("g")], &view)
        #expect(selectedPosition(view) == keys.first)
        press([.character("G")], &view)
        #expect(selectedPosition(view) == keys.last)
        press([.pageUp, .pageUp], &view)
        #expect(selectedPosition(view) == keys.first)
        press([.down, .down], &view)
        #expect(selectedPosition(view) == keys[2])
        press([.up], &view)
        #expect(selectedPosition(view) == keys[1])
    }

    @Test func theSelectionFollowsItsPositionWhenTheListResorts() {
        var view = view()
        view.selectedAccount = SampleDashboard.main
        press([.down], &view)
        let selected = selectedPosition(view)
        press([.character("s")], &view)
        #expect(selectedPosition(view) == selected)
    }

    @Test func enterDrillsInAndEscGoesBackWithABreadcrumb() throws {
        var view = view()
        view.selectedAccount = SampleDashboard.main
        let first = try #require(DashboardModel(state: state, view: view).positions.first)
        press([.enter], &view)
        #expect(view.screen == .position(first.position.id))
        #expect(Breadcrumb.text(view: view, state: state).hasPrefix("U1234567 › " + first.position.contract.symbol))
        press([.escape], &view)
        #expect(view.screen == .main)
        #expect(view.screens == [.main])
        // In the account bar, Enter opens the selected account's detail.
        press([.tab, .tab, .tab, .enter], &view)
        #expect(view.focus == .accounts)
        #expect(view.screen == .account(SampleDashboard.main))
        #expect(Breadcrumb.text(view: view, state: state) == "U1234567 › Main")
        press([.escape, .escape], &view)
        #expect(view.screen == .main)
    }

    @Test func movingInTheAccountBarSelectsTheAccount() {
        var view = view()
        view.focus = .accounts
        press([.right], &view)
        #expect(view.selectedAccount == SampleDashboard.main)
        press([.right, .right, .right], &view)
        #expect(view.selectedAccount == SampleDashboard.paper)
        press([.character("g")], &view)
        #expect(view.selectedAccount == nil)
    }

    @Test func digitsPickAccounts() {
        var view = view()
        press([.character("2")], &view)
        #expect(view.selectedAccount == SampleDashboard.family)
        press([.character("9")], &view)
        #expect(view.selectedAccount == SampleDashboard.family)
        press([.character("3")], &view)
        #expect(view.selectedAccount == SampleDashboard.paper)
        press([.character("0")], &view)
        #expect(view.selectedAccount == nil)
        // Picking an account from a detail screen goes back to the main screen.
        view.screens = [.main, .account(SampleDashboard.main)]
        press([.character("1")], &view)
        #expect(view.screens == [.main] && view.selectedAccount == SampleDashboard.main)
    }

    @Test func typingFiltersTheFocusedListEnterKeepsEscClears() {
        var view = view()
        press([.character("/")], &view)
        #expect(view.editingFilter == .positions)
        // While typing, letters are text: q does not quit, s does not sort.
        let effects = press([.character("m"), .character("s"), .character("q"), .backspace], &view)
        #expect(effects.isEmpty)
        #expect(view.filter(.positions) == "ms")
        #expect(DashboardModel(state: state, view: view).positions.map(\.position.contract.symbol) == ["MSFT"])
        press([.enter], &view)
        #expect(view.editingFilter == nil)
        #expect(view.filter(.positions) == "ms")
        press([.character("/"), .character("a"), .character("s"), .escape], &view)
        #expect(view.editingFilter == nil)
        #expect(view.filter(.positions).isEmpty)
        #expect(DashboardModel(state: state, view: view).positions.count == 8)
        // Hostile text typed into a filter is cleaned like any other.
        press([.character("/"), .character("\u{202E}"), .character("x")], &view)
        #expect(view.filter(.positions) == "x")
    }

    @Test func sortCyclesColumnsAndDirection() {
        var view = view()
        #expect(view.sort(.positions) == SortOrder(column: .marketValue, descending: true))
        press([.character("s")], &view)
        #expect(view.sort(.positions).column == .unrealized)
        press([.character("S")], &view)
        #expect(view.sort(.positions).descending == false)
        view.sorts[.positions] = SortOrder(column: .symbol)
        let ascending = DashboardModel(state: state, view: view).positions.map(\.position.contract.symbol)
        #expect(ascending == ascending.sorted { $0.lowercased() < $1.lowercased() })
        press([.character("S")], &view)
        let descending = DashboardModel(state: state, view: view).positions.map(\.position.contract.symbol)
        #expect(descending == ascending.reversed())
        // Past the last column comes the natural order, then the first column again.
        view.sorts[.positions] = SortOrder(column: .currency)
        press([.character("s")], &view)
        #expect(view.sort(.positions).column == nil)
        press([.character("s")], &view)
        #expect(view.sort(.positions).column == .symbol)
        // Alerts have no columns to sort by.
        view.focus = .alerts
        press([.character("s")], &view)
        #expect(view.sort(.alerts) == .natural)
    }

    @Test func currencyTogglesBetweenNativeAndBase() throws {
        var view = view()
        view.selectedAccount = SampleDashboard.main
        let toyota = { (view: ViewState) in
            DashboardModel(state: state, view: view).positions.first { $0.position.contract.symbol == "7203" }
        }
        #expect(try #require(toyota(view)).marketValue == Money(822_300, "JPY"))
        press([.character("c")], &view)
        #expect(view.currency == .base)
        #expect(try #require(toyota(view)).marketValue == Money(822_300 * Decimal(string: "0.0067")!, .usd))
        press([.character("c")], &view)
        #expect(view.currency == .native)
    }

    @Test func themeCyclesThroughTheCatalogAndWraps() {
        var view = ViewState(size: TerminalSize(cols: 80, rows: 24), themeNames: ["default", "light", "mono"], theme: "light")
        #expect(press([.character("t")], &view) == [.useTheme("mono")])
        #expect(press([.character("t")], &view) == [.useTheme("default")])
        var none = self.view()
        #expect(press([.character("t")], &none).isEmpty)
    }

    @Test func refreshAsksTheEngineForWhatIsShown() {
        var view = view()
        #expect(press([.character("r")], &view) == [.refresh(nil)])
        press([.character("1")], &view)
        #expect(press([.character("r")], &view) == [.refresh(SampleDashboard.main)])
        press([.character("H")], &view)
        #expect(view.screen == .history)
        #expect(press([.character("r")], &view) == [.refreshHistory])
        #expect(press([.control("l")], &view) == [.repaint])
        #expect(press([.character("q")], &view) == [.quit])
    }

    @Test func helpSwallowsKeysUntilClosed() {
        var view = view()
        press([.character("?")], &view)
        #expect(view.showHelp)
        press([.character("j"), .character("2"), .tab], &view)
        #expect(view.showHelp && view.selectedAccount == nil && view.focus == .positions)
        press([.escape], &view)
        #expect(!view.showHelp)
        press([.character("?"), .character("?")], &view)
        #expect(!view.showHelp)
        press([.character("?")], &view)
        #expect(press([.character("q")], &view) == [.quit])
    }

    @Test func detailScreensScrollWithinTheirLines() {
        var view = view(TerminalSize(cols: 80, rows: 24))
        view.selectedAccount = SampleDashboard.main
        press([.character("H")], &view)
        press([.character("k")], &view)
        #expect(view.detailScroll == 0)
        press([.character("G")], &view)
        let bottom = view.detailScroll
        #expect(bottom > 0)
        press([.character("j"), .pageDown], &view)
        #expect(view.detailScroll == bottom)
        press([.character("g")], &view)
        #expect(view.detailScroll == 0)
    }
}
