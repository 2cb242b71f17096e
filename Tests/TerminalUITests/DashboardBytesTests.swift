import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// What a dashboard frame costs on a real ncurses terminal, in bytes (the benchmark measures the time).
@MainActor @Suite(.serialized) struct DashboardBytesTests {
    init() { TestLocale.useUTF8() }

    @Test func aOnePriceUpdateWritesAFewBytes() throws {
        let size = TerminalSize(cols: 120, rows: 40)
        let pty = try PseudoTerminal(size: size)
        let terminal = try NcursesTerminal(
            input: pty.device, output: pty.device, terminalType: "xterm-256color", setLocale: false)
        defer { terminal.shutdown() }
        let renderer = DashboardRenderer(theme: try ThemeFixtures.theme("default"))
        var view = ViewState(size: size)
        view.selectedAccount = SampleDashboard.main
        var state = SampleDashboard.state()
        terminal.present(renderer.render(state, view: view))
        let first = pty.takeOutput()
        // MSFT's price moves by a cent; its value and P&L follow.
        state.accounts[0].positions.value?[1].marketPrice = Decimal(string: "388.57")!
        state.accounts[0].positions.value?[1].marketValue = Decimal(string: "19428.50")!
        state.accounts[0].positions.fetchedAt = SampleDashboard.now
        terminal.present(renderer.render(state, view: view))
        let update = pty.takeOutput()
        #expect(!update.isEmpty)
        #expect(update.count <= 300, "a one-price update wrote \(update.count) bytes")
        #expect(first.count > 20 * update.count)
        // A second passing writes the clock and the ages that tick with it, nothing else.
        state.now = state.now.addingTimeInterval(1)
        terminal.present(renderer.render(state, view: view))
        let tick = pty.takeOutput()
        #expect(tick.count <= 200, "a clock tick wrote \(tick.count) bytes")
    }
}
