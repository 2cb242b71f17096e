import Foundation
import Portfolio

/// The symbols that carry meaning besides colour, so that gains, losses and staleness read the same in
/// `mono`, with NO_COLOR, and to colour-blind users. Each takes one column.
public struct ThemeGlyphs: Hashable, Sendable {
    public var gain: String
    public var loss: String
    public var unchanged: String
    public var live: String
    public var aging: String
    public var stale: String
    public var missing: String
    public var error: String
    public var box: BoxStyle

    public init(
        gain: String, loss: String, unchanged: String, live: String, aging: String, stale: String,
        missing: String, error: String, box: BoxStyle
    ) {
        self.gain = gain
        self.loss = loss
        self.unchanged = unchanged
        self.live = live
        self.aging = aging
        self.stale = stale
        self.missing = missing
        self.error = error
        self.box = box
    }

    public static let standard = ThemeGlyphs(
        gain: "▲", loss: "▼", unchanged: "·", live: "●", aging: "◐", stale: "○", missing: "◌", error: "×",
        box: .rounded)

    /// For a locale that is not UTF-8, where anything else would vanish from the screen.
    public static let ascii = ThemeGlyphs(
        gain: "+", loss: "-", unchanged: "=", live: "*", aging: "~", stale: "o", missing: "?", error: "!",
        box: .ascii)

    public func freshness(_ level: Freshness.Level) -> String {
        switch level {
        case .live: live
        case .aging: aging
        case .missing: missing
        case .stale: stale
        case .error: error
        }
    }

    /// ▲ for more than zero, ▼ for less, · for zero.
    public func direction(of change: Decimal) -> String {
        change.signum > 0 ? gain : change.signum < 0 ? loss : unchanged
    }
}
