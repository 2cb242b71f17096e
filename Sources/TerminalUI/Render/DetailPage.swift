import Foundation
import Portfolio

/// The lines of a detail screen (account, position, history), built for a width. The reducer counts them to
/// bound scrolling; the renderer draws the part on screen.
struct DetailPage {
    let screen: Screen
    let state: DashboardState
    let view: ViewState
    let painter: Painter

    init(screen: Screen, state: DashboardState, view: ViewState, painter: Painter? = nil) {
        self.screen = screen
        self.state = state
        self.view = view
        self.painter = painter ?? Painter(theme: .plain, privacy: view.privacy, clock: .utc, flashes: nil)
    }

    func lines(width: Int) -> [TextLine] {
        switch screen {
        case .main: []
        case .account(let id): state.account(id).map { AccountDetail(account: $0, state: state, painter: painter).lines(width: width) } ?? [
            TextLine([Span("Account \(id.rawValue.sanitized) is no longer listed by the gateway", .warning)])
        ]
        case .position(let id): PositionDetail(id: id, state: state, view: view, painter: painter).lines(width: width)
        case .history: HistoryDetail(state: state, view: view, painter: painter).lines(width: width)
        }
    }

    /// `label ........ value` lines with the labels in one column.
    static func metrics(_ rows: [(String, Span)], labelWidth: Int = 26, valueWidth: Int = 18) -> [TextLine] {
        rows.map { label, value in
            let pad = String(repeating: " ", count: max(0, valueWidth - TextWidth.of(value.text)))
            let labelText = "  " + label + String(repeating: " ", count: max(1, labelWidth - TextWidth.of(label)))
            return TextLine([Span(labelText, .muted), Span(pad + value.text, value.role, flashKey: value.flashKey)])
        }
    }
}

extension Theme {
    /// No colours at all: for building lines whose look does not matter, such as counting them.
    static let plain = Theme(name: "plain", summary: "", styles: [:], glyphs: .standard)
}
