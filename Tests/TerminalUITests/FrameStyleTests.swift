import Portfolio
import Testing

@testable import TerminalUI

/// Styles on the grid: meaning by role, and none of it by colour alone.
@Suite struct FrameStyleTests {
    init() { TestLocale.useUTF8() }

    static let size = TerminalSize(cols: 120, rows: 40)

    /// Where `text` starts on row `y`, in columns.
    static func column(of text: String, in grid: Grid, row y: Int) -> Int? {
        let line = grid.text(ofRow: y)
        guard let range = line.range(of: text) else { return nil }
        return TextWidth.of(String(line[..<range.lowerBound]))
    }

    static func find(_ text: String, in grid: Grid) -> (x: Int, y: Int)? {
        for y in 0..<grid.rows {
            if let x = column(of: text, in: grid, row: y) { return (x, y) }
        }
        return nil
    }

    @Test func gainsAndLossesUseTheirRoles() throws {
        let theme = try ThemeFixtures.theme("default")
        var view = ViewState(size: Self.size)
        view.selectedAccount = SampleDashboard.main
        let grid = DashboardRenderer.frame(SampleDashboard.state(), view: view, theme: theme)
        let gain = try #require(Self.find("+4,723.00", in: grid))
        #expect(grid[gain.x, gain.y].style == theme[.gain])
        let loss = try #require(Self.find("-677.00", in: grid))
        #expect(grid[loss.x, loss.y].style == theme[.loss])
        #expect(theme[.gain] != theme[.loss])
    }

    @Test func staleMarkersUseTheStaleRole() throws {
        let theme = try ThemeFixtures.theme("default")
        let grid = DashboardRenderer.frame(SampleDashboard.state(), view: ViewState(size: Self.size), theme: theme)
        // The paper account's positions are 50 s old against a 15 s cadence.
        let stale = try #require(Self.find("○ stale 50s", in: grid))
        #expect(grid[stale.x, stale.y].style == theme[.stale])
        let aging = try #require(Self.find("◐ 20s", in: grid))
        #expect(grid[aging.x, aging.y].style == theme[.warning])
        let error = try #require(Self.find("× error", in: grid))
        #expect(grid[error.x, error.y].style.foreground == theme[.error].foreground)
    }

    @Test(arguments: GoldenFrameTests.View.allCases)
    func monoUsesNoColours(_ kind: GoldenFrameTests.View) throws {
        let theme = try ThemeFixtures.theme("mono")
        let grid = DashboardRenderer.frame(
            SampleDashboard.state(), view: GoldenFrameTests.view(kind, size: Self.size), theme: theme)
        for y in 0..<grid.rows {
            for x in 0..<grid.cols {
                #expect(grid[x, y].style.foreground == .terminalDefault && grid[x, y].style.background == .terminalDefault)
            }
        }
        // Gains and losses still differ, by glyph, sign and attribute.
        #expect(theme[.gain].attributes != theme[.loss].attributes)
    }

    @Test func theSelectedRowIsHighlightedOnlyInTheFocusedPane() throws {
        let theme = try ThemeFixtures.theme("default")
        var view = ViewState(size: Self.size)
        view.selectedAccount = SampleDashboard.main
        let grid = DashboardRenderer.frame(SampleDashboard.state(), view: view, theme: theme)
        let pane = try #require(ScreenLayout(size: Self.size).panes[.positions])
        let first = (x: pane.x + 1, y: pane.y + 2)
        #expect(grid[first.x, first.y].style == theme[.selection])
        #expect(grid[first.x, first.y + 1].style != theme[.selection])
        view.focus = .orders
        let other = DashboardRenderer.frame(SampleDashboard.state(), view: view, theme: theme)
        #expect(other[first.x, first.y].style != theme[.selection])
    }

    @Test func demoAndInsecureTLSAreAlwaysOnTheStatusLine() throws {
        var state = SampleDashboard.state()
        state.connection.isDemo = true
        state.connection.tlsInsecure = true
        let theme = try ThemeFixtures.theme("default")
        for size in [TerminalSize(cols: 120, rows: 40), TerminalSize(cols: 40, rows: 10)] {
            let grid = DashboardRenderer.frame(state, view: ViewState(size: size), theme: theme)
            let status = grid.text(ofRow: size.rows - 1)
            #expect(status.contains("DEMO"))
            #expect(status.contains("INSECURE TLS"))
        }
    }

    @Test func aChangedValueFlashesUntilItsTimeIsUp() throws {
        var scene = try FlashScene(size: Self.size)
        let theme = scene.theme, renderer = scene.renderer
        #expect(renderer.nextFlashDeadline == nil)
        scene.state.accounts[0].positions.value?[1].marketPrice = 390
        scene.state.accounts[0].positions.fetchedAt = SampleDashboard.now
        let grid = scene.render(after: .milliseconds(100))
        let price = try #require(Self.find("390.00", in: grid))
        #expect(grid[price.x, price.y].style == theme[.flash])
        let deadline = try #require(renderer.nextFlashDeadline)
        let later = renderer.render(scene.state, view: scene.view, at: deadline + .milliseconds(1))
        #expect(later[price.x, price.y].style != theme[.flash])
        #expect(renderer.nextFlashDeadline == nil)
    }

    /// In the positions table, exactly the cells whose text changed flash; the symbol and quantity of the same row
    /// do not, a row whose look changes (privacy) flashes nothing, and a flash ends for a row that stays put.
    @Test func onlyTheChangedCellsOfAPositionRowFlash() throws {
        var scene = try FlashScene(size: Self.size)
        let theme = scene.theme
        scene.view.focus = .orders
        let position = try #require(scene.state.accounts[0].positions.value?[1])
        scene.state.accounts[0].positions.value?[1].marketPrice = 390
        scene.state.accounts[0].positions.fetchedAt = SampleDashboard.now
        let grid = scene.render(after: .milliseconds(100))
        let price = try #require(Self.find("390.00", in: grid))
        let symbol = try #require(Self.column(of: position.contract.symbol, in: grid, row: price.y))
        #expect(grid[price.x, price.y].style == theme[.flash])
        #expect(grid[symbol, price.y].style != theme[.flash])
        // Privacy changes how the row looks, not its values: nothing flashes (the flash under way ends with it).
        scene.view.privacy = true
        let masked = scene.render(after: .milliseconds(200))
        for x in 0..<masked.cols { #expect(masked[x, price.y].style != theme[.flash], "column \(x)") }
        let later = scene.render(after: .seconds(5))
        for x in 0..<later.cols { #expect(later[x, price.y].style != theme[.flash], "column \(x)") }
        #expect(scene.renderer.nextFlashDeadline == nil)
    }
}
