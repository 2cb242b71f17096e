import Foundation

/// A scene of scripts/screenshots.sh, and what its capture must show to be about what it says.
struct ScreenshotScene: Sendable, CustomStringConvertible {
    let name: String
    let shows: [String]

    var description: String { name }

    static let all: [ScreenshotScene] = [
        ScreenshotScene(name: "main-wide", shows: ["0 All", "Positions (36)", "Orders (", "Alerts (", "NAV ", " DEMO "]),
        ScreenshotScene(name: "main-narrow", shows: ["0 All", "Positions (36)", "Orders (", " DEMO "]),
        ScreenshotScene(name: "account-detail", shows: ["Balances", "Margin", "Ledger by currency"]),
        ScreenshotScene(name: "position-detail", shows: ["All accounts › ", "Quantity", "Open lots"]),
        ScreenshotScene(name: "history", shows: ["› History", "Flex statement", "NAV ", "Trades ("]),
        ScreenshotScene(name: "help", shows: ["Keys", "Show or hide this help", "Quit"]),
        ScreenshotScene(name: "theme-light", shows: ["Positions (36)", "Alerts ("]),
        ScreenshotScene(name: "theme-mono", shows: ["Positions (36)", "┌─", "▲", "▼"]),
    ]

    /// The capture's text without its escape sequences.
    static func plainText(_ capture: String) -> String {
        capture.replacing(/\u{1B}\[[0-9;:?]*[A-Za-z]/, with: "")
    }

    /// The colours a capture sets, as SGR parameters (38;5;n, 31, 48;2;r;g;b …).
    static func colourCodes(_ capture: String) -> [String] {
        capture.matches(of: /\u{1B}\[([0-9;:]*)m/).flatMap { match -> [String] in
            let parameters = match.output.1.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            return parameters.filter { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }
                .map(String.init)
        }
    }
}
