import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// A renderer that keeps rows and valuations between frames, and draws each frame over the last one, draws exactly
/// what a fresh one draws: every cell, styles included.
@Suite struct RenderCacheTests {
    init() { TestLocale.useUTF8() }

    @Test func aWarmRendererDrawsWhatAFreshOneDraws() throws {
        let theme = try ThemeFixtures.theme("default")
        let warm = DashboardRenderer(theme: theme)
        var state = SampleDashboard.state()
        var view = ViewState(size: TerminalSize(cols: 160, rows: 45))
        var steps: [(String, () -> Void)] = []
        steps.append(("price", {
            state.accounts[0].positions.value?[0].marketPrice = 230
            state.accounts[0].positions.value?[0].marketValue = 23_000
            state.accounts[0].positions.fetchedAt = SampleDashboard.now.addingTimeInterval(-1)
        }))
        steps.append(("quote", {
            state.accounts[0].quotes.value?[SampleDashboard.msft.conid]?.priorClose = 380
            state.accounts[0].quotes.fetchedAt = SampleDashboard.now
        }))
        steps.append(("rate", {
            state.accounts[0].ledger.value?.entries["JPY"]?.exchangeRate = Decimal(string: "0.0070")!
            state.accounts[0].ledger.fetchedAt = SampleDashboard.now
        }))
        steps.append(("clock", { state.now = state.now.addingTimeInterval(7) }))
        steps.append(("account", { view.selectedAccount = SampleDashboard.main }))
        steps.append(("currency", { view.currency = .base }))
        steps.append(("privacy", { view.privacy = true }))
        steps.append(("sort", { view.sorts[.positions] = SortOrder(column: .symbol) }))
        steps.append(("filter", { view.filters[.positions] = "a" }))
        steps.append(("closed", {
            state.accounts[0].positions.value?.removeFirst()
            state.accounts[0].positions.fetchedAt = SampleDashboard.now
            view.filters = [:]
        }))
        steps.append(("price the engine says moved", {
            let before = state.accounts[0].positions
            state.accounts[0].positions.value?[1].marketPrice = 1
            state.accounts[0].positions.value?[1].marketValue = 100
            let time = SampleDashboard.now.addingTimeInterval(3)
            state.accounts[0].positions.fetchedAt = time
            state.accounts[0].positionChanges = .between(
                before.value, fetchedAt: before.fetchedAt, and: state.accounts[0].positions.value ?? [], fetchedAt: time)
        }))
        steps.append(("cursor down", { view.cursors[.positions] = ListCursor(index: 3) }))
        steps.append(("focus on orders", { view.focus = .orders }))
        steps.append(("focus back", { view.focus = .positions }))
        steps.append(("a filter nothing matches", { view.filters[.positions] = "zzzz" }))
        steps.append(("filter cleared", { view.filters = [:] }))
        steps.append(("all accounts again", { view.selectedAccount = nil }))
        steps.append(("half the positions gone", {
            state.accounts[0].positions.value = Array((state.accounts[0].positions.value ?? []).prefix(2))
            state.accounts[0].positions.fetchedAt = SampleDashboard.now.addingTimeInterval(4)
        }))
        steps.append(("narrow", { view.size = TerminalSize(cols: 90, rows: 30) }))
        steps.append(("help", { view.showHelp = true }))
        steps.append(("help closed", { view.showHelp = false }))
        _ = warm.render(state, view: view)
        for (name, change) in steps {
            change()
            let fresh = DashboardRenderer.frame(state, view: view, theme: theme)
            let drawn = warm.render(state, view: view)
            #expect(drawn.lines == fresh.lines, "after \(name)")
            #expect(drawn == fresh, "after \(name): the same text in other styles")
        }
    }
}
