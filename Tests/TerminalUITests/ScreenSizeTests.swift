import Portfolio
import Testing

@testable import TerminalUI

/// Every size, from tiny to huge, fills the screen exactly and never crashes; below 40×10 a message says so.
@Suite struct ScreenSizeTests {
    init() { TestLocale.useUTF8() }

    @Test(arguments: [TerminalSize(cols: 39, rows: 9), TerminalSize(cols: 39, rows: 40), TerminalSize(cols: 120, rows: 9)])
    func belowTheMinimumAMessageShows(_ size: TerminalSize) throws {
        let grid = DashboardRenderer.frame(SampleDashboard.state(), view: ViewState(size: size), theme: try ThemeFixtures.theme("default"))
        #expect(grid.lines.contains { $0.contains("terminal too small — need 40×10") })
        #expect(grid.lines.contains { $0.contains("now \(size.cols)×\(size.rows)") })
    }

    @Test(arguments: [TerminalSize(cols: 1, rows: 1), TerminalSize(cols: 0, rows: 0), TerminalSize(cols: 5, rows: 2), TerminalSize(cols: 20, rows: 6)])
    func tinySizesStillDraw(_ size: TerminalSize) throws {
        let grid = DashboardRenderer.frame(SampleDashboard.state(), view: ViewState(size: size), theme: try ThemeFixtures.theme("default"))
        #expect(grid.rows == size.rows && grid.cols == size.cols)
        #expect(grid.lines.allSatisfy { TextWidth.of($0) == size.cols })
    }

    @Test func atTheMinimumTheDashboardShows() throws {
        let grid = DashboardRenderer.frame(
            SampleDashboard.state(), view: ViewState(size: ScreenLayout.minimum), theme: try ThemeFixtures.theme("default"))
        #expect(!grid.lines.contains { $0.contains("too small") })
        #expect(grid.lines.contains { $0.contains("Positions") })
    }

    @Test func everySizeFillsTheScreenExactly() throws {
        let theme = try ThemeFixtures.theme("default")
        let state = SampleDashboard.state()
        var sizes: [TerminalSize] = []
        for cols in stride(from: 20, through: 211, by: 7) {
            for rows in stride(from: 6, through: 57, by: 3) { sizes.append(TerminalSize(cols: cols, rows: rows)) }
        }
        sizes += [TerminalSize(cols: 211, rows: 57), TerminalSize(cols: 40, rows: 10), TerminalSize(cols: 109, rows: 16)]
        for size in sizes {
            for kind in GoldenFrameTests.View.allCases {
                let grid = DashboardRenderer.frame(state, view: GoldenFrameTests.view(kind, size: size), theme: theme)
                let widths = grid.lines.map(TextWidth.of)
                #expect(grid.rows == size.rows && widths.allSatisfy { $0 == size.cols }, "\(kind) at \(size)")
            }
        }
    }

    /// Every width from 20 to 211 at a few heights, and every height from 6 to 57 at a few widths.
    @Test func everyWidthAndEveryHeightOfTheMainScreen() throws {
        let theme = try ThemeFixtures.theme("default")
        let renderer = DashboardRenderer(theme: theme)
        let state = SampleDashboard.state()
        var sizes: [TerminalSize] = []
        for cols in 20...211 { for rows in [6, 10, 15, 24, 57] { sizes.append(TerminalSize(cols: cols, rows: rows)) } }
        for rows in 6...57 { for cols in [20, 40, 80, 120, 211] { sizes.append(TerminalSize(cols: cols, rows: rows)) } }
        for size in sizes {
            let grid = renderer.render(state, view: ViewState(size: size))
            #expect(grid.rows == size.rows && grid.lines.allSatisfy { TextWidth.of($0) == size.cols }, "at \(size)")
        }
    }

    @Test func layoutModesFollowTheSize() {
        #expect(ScreenLayout(size: TerminalSize(cols: 120, rows: 40)).mode == .wide)
        #expect(ScreenLayout(size: TerminalSize(cols: 80, rows: 24)).mode == .stacked)
        #expect(ScreenLayout(size: TerminalSize(cols: 60, rows: 15)).mode == .compact)
        #expect(ScreenLayout(size: TerminalSize(cols: 39, rows: 10)).mode == .tooSmall)
        let wide = ScreenLayout(size: TerminalSize(cols: 120, rows: 40))
        // The panes tile the body without overlapping.
        var covered = 0
        for rect in wide.panes.values { covered += rect.width * rect.height }
        #expect(covered == wide.body.width * wide.body.height)
    }
}
