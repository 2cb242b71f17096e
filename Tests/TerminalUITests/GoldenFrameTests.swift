import Portfolio
import Testing

@testable import TerminalUI

/// The main layouts and the detail views at three sizes, as text. Styles are checked in `FrameStyleTests`.
@Suite struct GoldenFrameTests {
    init() { TestLocale.useUTF8() }

    static let sizes = [TerminalSize(cols: 120, rows: 40), TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 60, rows: 20)]

    enum View: String, CaseIterable {
        case main, account, position, history, help, paper
    }

    static func view(_ kind: View, size: TerminalSize) -> ViewState {
        var view = ViewState(size: size)
        switch kind {
        case .main: break
        case .account: view.screens = [.main, .account(SampleDashboard.main)]
        case .position:
            view.selectedAccount = SampleDashboard.main
            view.screens = [.main, .position(PositionID(account: SampleDashboard.main, conid: SampleDashboard.aapl.conid))]
        case .history:
            view.selectedAccount = SampleDashboard.main
            view.screens = [.main, .history]
        case .help: view.showHelp = true
        case .paper: view.selectedAccount = SampleDashboard.paper
        }
        return view
    }

    @Test(arguments: View.allCases, sizes)
    func frame(_ kind: View, size: TerminalSize) throws {
        let theme = try ThemeFixtures.theme("default")
        let grid = DashboardRenderer.frame(SampleDashboard.state(), view: Self.view(kind, size: size), theme: theme)
        try Golden.check(grid, "\(kind.rawValue)-\(size.cols)x\(size.rows)")
    }
}
