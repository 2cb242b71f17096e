import Foundation
import Portfolio

@testable import TerminalUI

/// The start of a flash test: a renderer with flashes on that has drawn the sample's main account once, at
/// `start`; a test changes `state` (and `view`) and renders again at a later instant.
struct FlashScene {
    let theme: Theme
    let renderer: DashboardRenderer
    var view: ViewState
    var state = SampleDashboard.state()
    let start = ContinuousClock.Instant.now

    init(size: TerminalSize) throws {
        theme = try ThemeFixtures.theme("default")
        renderer = DashboardRenderer(theme: theme, flashes: true)
        view = ViewState(size: size)
        view.selectedAccount = SampleDashboard.main
        _ = renderer.render(state, view: view, at: start)
    }

    /// The frame of the current state and view, `after` the first one.
    func render(after: Duration) -> Grid { renderer.render(state, view: view, at: start + after) }
}
