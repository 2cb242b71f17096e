import ArgumentParser
import Foundation

/// One line for a status bar, from the dashboard's `StatusDocument`: placeholders filled in, everything cleaned
/// of control characters, and tmux's `#` written `##` so that nothing in it is read as a tmux format.
struct StatusLine {
    /// Colours, only when asked for.
    enum Colors: String, ExpressibleByArgument, CaseIterable, Sendable {
        case none
        /// tmux styles (`#[fg=green]`) for `status-right`.
        case tmux
        /// ANSI escape sequences, for a shell prompt or another bar; `#` is not doubled then.
        case ansi
    }

    enum Color {
        case green, yellow, red
    }

    var format: StatusLineFormat
    var colors: Colors = .none

    /// What the line shows for a number it does not have.
    static let unknown = "–"

    func rendered(_ document: StatusDocument) -> String {
        format.parts.map { part in
            switch part {
            case .text(let text): escape(text.sanitized)
            case .placeholder(let placeholder):
                paint(escape(value(placeholder, document).sanitized), color(placeholder, document))
            }
        }.joined()
    }

    private func value(_ placeholder: StatusLineFormat.Placeholder, _ document: StatusDocument) -> String {
        switch placeholder {
        case .netLiquidation:
            let partial = document.missingRates.isEmpty ? "" : "*"
            return document.netLiquidation.map { AmountText.compact($0) + partial } ?? Self.unknown
        case .netLiquidationInFull:
            return document.netLiquidation.map { AmountText.grouped($0, places: 0) } ?? Self.unknown
        case .dailyPnl:
            return document.dailyPnl.map { AmountText.signed($0, places: 0) } ?? Self.unknown
        case .dailyPnlPercent:
            return document.dailyPnlPercent.map { AmountText.signed($0, places: 2) + "%" } ?? Self.unknown
        case .currency:
            return document.currency ?? Self.unknown
        case .glyph:
            return document.freshness.glyph
        case .freshness:
            return document.freshness.rawValue
        case .age:
            return document.ageSeconds.map { Duration.seconds($0).shortText } ?? Self.unknown
        case .session:
            return document.session.state.words
        case .sessionTrouble:
            return document.session == .authenticated ? "" : " " + document.session.state.words
        }
    }

    private func color(_ placeholder: StatusLineFormat.Placeholder, _ document: StatusDocument) -> Color? {
        switch placeholder {
        case .dailyPnl, .dailyPnlPercent:
            guard let pnl = document.dailyPnl, pnl != 0 else { return nil }
            return pnl > 0 ? .green : .red
        case .glyph, .freshness:
            switch document.freshness {
            case .live: return .green
            case .aging: return .yellow
            case .stale, .missing, .error: return .red
            }
        case .session, .sessionTrouble:
            return document.session == .authenticated ? nil : .red
        case .netLiquidation, .netLiquidationInFull, .currency, .age:
            return nil
        }
    }

    private func escape(_ text: String) -> String {
        colors == .ansi ? text : text.replacingOccurrences(of: "#", with: "##")
    }

    private func paint(_ text: String, _ color: Color?) -> String {
        guard let color, !text.isEmpty else { return text }
        switch colors {
        case .none:
            return text
        case .tmux:
            let name =
                switch color {
                case .green: "green"
                case .yellow: "yellow"
                case .red: "red"
                }
            return "#[fg=\(name)]\(text)#[default]"
        case .ansi:
            let code =
                switch color {
                case .green: 32
                case .yellow: 33
                case .red: 31
                }
            return "\u{1B}[\(code)m\(text)\u{1B}[39m"
        }
    }
}
