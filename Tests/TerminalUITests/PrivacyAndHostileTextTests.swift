import Foundation
import Portfolio
import Testing

@testable import TerminalUI

@Suite struct PrivacyAndHostileTextTests {
    init() { TestLocale.useUTF8() }

    /// Amounts of the sample that would give a portfolio away.
    static let amounts = [
        "173,562.18", "48,291.40", "22,748.00", "4,723.00", "1,284.35", "92,380.55", "12,257.00", "15,923.60",
        "822,300.00", "173.6k", "1.23M", "49.67k", "48.29k", "1,230,046.94", "173,800.00", "14,008.00", "+25.00",
    ]

    @Test(arguments: GoldenFrameTests.View.allCases)
    func privacyMasksEveryAmount(_ kind: GoldenFrameTests.View) throws {
        let theme = try ThemeFixtures.theme("default")
        for size in GoldenFrameTests.sizes {
            var view = GoldenFrameTests.view(kind, size: size)
            // Help swallows keys, so its privacy is set directly.
            if kind == .help { view.privacy = true } else {
                _ = KeyReducer.reduce(&view, key: .character("p"), state: SampleDashboard.state())
            }
            #expect(view.privacy)
            let screen = DashboardRenderer.frame(SampleDashboard.state(), view: view, theme: theme).lines.joined(separator: "\n")
            for amount in Self.amounts { #expect(!screen.contains(amount), "\(amount) shows in \(kind) at \(size)") }
            if kind != .help { #expect(screen.contains(Painter.mask)) }
        }
    }

    static let hostile = "EVIL\u{1B}]52;c;cm0gLXJmIH4=\u{07}CORP\u{1B}[2J\u{1B}[31m\u{202E}gnp.exe\u{9B}0m\u{7F}\u{0}"

    static func hostileState() -> DashboardState {
        let contract = Contract(
            conid: 999, symbol: "EV\u{1B}[1mIL", description: hostile, name: hostile, assetClass: .stock, currency: .usd)
        let position = Position(
            account: SampleDashboard.main, contract: contract, quantity: 1, marketPrice: 1, marketValue: 1, averageCost: 1,
            unrealizedPnl: 0)
        let order = Order(
            id: 77, account: SampleDashboard.main, conid: 999, symbol: "EVIL", description: hostile, side: .other("\u{1B}[5mX"),
            orderType: "LMT\u{9B}2J", quantity: 1, filled: 0, remaining: 1, status: .other("\u{1B}P+q\u{1B}\\odd"),
            timeInForce: "DAY\u{202D}", lastUpdate: SampleDashboard.now, reason: hostile)
        let alert = Alert(
            id: 99, time: SampleDashboard.now, severity: .critical, category: .data, account: nil, text: "alert " + hostile)
        var state = SampleDashboard.state(positions: [position], alerts: [alert], orders: [order])
        state.connection.gateway = "gw\u{1B}]0;title\u{07}host"
        state.connection.session = .competing
        state.connection.sessionMessage = hostile
        state.accounts[0].account.displayName = "Main\u{1B}[8m" + hostile
        return state
    }

    @Test(arguments: GoldenFrameTests.View.allCases)
    func hostileTextNeverReachesTheGridAsSuch(_ kind: GoldenFrameTests.View) throws {
        let theme = try ThemeFixtures.theme("default")
        let state = Self.hostileState()
        for size in [TerminalSize(cols: 200, rows: 50), TerminalSize(cols: 80, rows: 24)] {
            var view = GoldenFrameTests.view(kind, size: size)
            if kind == .position { view.screens = [.main, .position(PositionID(account: SampleDashboard.main, conid: 999))] }
            let grid = DashboardRenderer.frame(state, view: view, theme: theme)
            for y in 0..<grid.rows {
                for x in 0..<grid.cols {
                    for scalar in grid[x, y].text.unicodeScalars {
                        #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "control at \(x),\(y)")
                        #expect(!TextSanitizer.isBidiControl(scalar))
                    }
                }
            }
            let screen = grid.lines.joined(separator: "\n")
            #expect(!screen.contains("52;c;"), "the OSC 52 payload is removed whole")
            #expect(!screen.contains("[2J") && !screen.contains("[31m"))
        }
    }

    @Test func hostileTextIsShownCleanedWhereItBelongs() throws {
        var view = ViewState(size: TerminalSize(cols: 200, rows: 50))
        view.selectedAccount = SampleDashboard.main
        let screen = DashboardRenderer.frame(Self.hostileState(), view: view, theme: try ThemeFixtures.theme("default"))
            .lines.joined(separator: "\n")
        #expect(screen.contains("EVILCORPgnp.exe"))
        #expect(screen.contains("alert EVILCORPgnp.exe"))
    }

    @Test func wideCharactersKeepColumnsAligned() throws {
        var state = SampleDashboard.state()
        let wide = Contract(conid: 4242, symbol: "9984", description: "ソフトバンクグループ", name: "ソフトバンクグループ株式会社", assetClass: .stock, currency: "JPY")
        state.accounts[0].positions.value?.append(
            Position(account: SampleDashboard.main, contract: wide, quantity: 1000, marketPrice: 8_432, marketValue: 8_432_000, averageCost: 7_000, unrealizedPnl: 1_432_000))
        // Stacked, so that the positions table has the whole width of every row it is on.
        var view = ViewState(size: TerminalSize(cols: 100, rows: 40))
        view.selectedAccount = SampleDashboard.main
        let grid = DashboardRenderer.frame(state, view: view, theme: try ThemeFixtures.theme("default"))
        let pane = try #require(ScreenLayout(size: view.size).panes[.positions])
        // Every row of the table ends its Qty column at the same display column as the heading.
        let heading = grid.text(ofRow: pane.y + 1)
        let headingEnd = try #require(FrameStyleTests.column(of: "Qty", in: grid, row: pane.y + 1)) + 3
        var checked = 0
        for y in (pane.y + 2)..<(pane.maxY - 1) {
            let line = grid.text(ofRow: y)
            guard line.contains("トヨタ") || line.contains("ソフトバンク") || line.contains("AAPL") else { continue }
            #expect(TextWidth.of(line) == grid.cols)
            let quantity = line.contains("ソフトバンク") ? "1,000" : line.contains("トヨタ") ? "300" : "100"
            let start = try #require(FrameStyleTests.column(of: " " + quantity + " ", in: grid, row: y))
            #expect(start + 1 + TextWidth.of(quantity) == headingEnd, "row \(y): \(line)")
            checked += 1
        }
        #expect(checked == 3)
        #expect(!heading.isEmpty)
    }
}
