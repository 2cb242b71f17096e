import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// A renderer that keeps rows and valuations between frames draws exactly what a fresh one draws.
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
        _ = warm.render(state, view: view)
        for (name, change) in steps {
            change()
            let fresh = DashboardRenderer.frame(state, view: view, theme: theme)
            #expect(warm.render(state, view: view).lines == fresh.lines, "after \(name)")
        }
    }
}
