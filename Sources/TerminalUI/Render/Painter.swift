import Foundation
import Portfolio

/// Draws spans and lines into a grid with one theme, masking amounts in privacy mode and flashing values that
/// changed. Every piece of text from outside is cleaned before it gets here; the grid replaces any control
/// character that slipped through.
public struct Painter {
    public let theme: Theme
    public let privacy: Bool
    public let clock: ClockText
    let flashes: FlashTracker?

    public init(theme: Theme, privacy: Bool, clock: ClockText, flashes: FlashTracker?) {
        self.theme = theme
        self.privacy = privacy
        self.clock = clock
        self.flashes = flashes
    }

    public var glyphs: ThemeGlyphs { theme.glyphs }

    /// The same painter drawing every value in its own role: for a part that flashes its values itself.
    var withoutFlashes: Painter { Painter(theme: theme, privacy: privacy, clock: clock, flashes: nil) }

    public func style(_ role: ThemeRole) -> Style { theme[role] }

    /// What privacy mode shows instead of an amount.
    public static let mask = "••••"

    func style(of span: Span) -> Style {
        if let key = span.flashKey, let flashes, flashes.isFlashing(key, span.text) { return theme[.flash] }
        return theme[span.role]
    }

    /// `span` in exactly `width` columns.
    public func put(_ span: Span, in grid: inout Grid, x: Int, y: Int, width: Int, alignment: Alignment = .left) {
        grid.put(span.text, x: x, y: y, width: width, style: style(of: span), alignment: alignment)
    }

    /// The spans of `line` one after another from `x`, cut at `width`; the rest of the width blank.
    public func draw(_ line: TextLine, in grid: inout Grid, x: Int, y: Int, width: Int) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: theme[.background])
        var column = x
        for span in line.spans {
            let room = x + width - column
            guard room > 0 else { break }
            let shown = TextWidth.truncate(span.text, to: room)
            column = grid.put(shown, x: column, y: y, style: style(of: span), limit: room)
        }
    }

    // MARK: Amounts

    /// An amount with two decimals, or the mask.
    public func amount(_ value: Decimal?, decimals: Int = 2, role: ThemeRole = .foreground, flashKey: String? = nil)
        -> Span
    {
        guard let value else { return Span("—", .muted) }
        if privacy { return Span(Self.mask, .muted) }
        return Span(NumberText.format(value, decimals: decimals), role, flashKey: flashKey)
    }

    /// A gain or loss: signed, in the gain or loss role, masked in privacy mode.
    public func change(_ value: Decimal?, decimals: Int = 2, compact: Bool = false, flashKey: String? = nil) -> Span {
        guard let value else { return Span("—", .muted) }
        if privacy { return Span(Self.mask, .muted) }
        let text = compact ? NumberText.compact(value, sign: .always) : NumberText.format(value, decimals: decimals, sign: .always)
        // The role follows what is shown: 0.004 reads `0.00` and is neither a gain nor a loss.
        let role: ThemeRole = text.hasPrefix("+") ? .gain : text.hasPrefix("-") ? .loss : .neutral
        return Span(text, role, flashKey: flashKey)
    }

    /// A change in percent with its direction glyph: `▲ 1.25%`. Percentages reveal no amount, so privacy keeps them.
    public func percentChange(_ value: Decimal?, flashKey: String? = nil) -> Span {
        guard let value else { return Span("—", .muted) }
        return Span(glyphs.direction(of: value) + NumberText.percent(value.magnitude), Self.role(of: value), flashKey: flashKey)
    }

    /// A quantity, masked in privacy mode (with the price it would give the amount away).
    public func quantity(_ value: Decimal) -> Span {
        privacy ? Span(Self.mask, .muted) : Span(NumberText.quantity(value))
    }

    public static func role(of value: Decimal) -> ThemeRole {
        value.signum > 0 ? .gain : value.signum < 0 ? .loss : .neutral
    }

    public func badge(_ freshness: Freshness?) -> Span {
        let badge = FreshnessBadge(freshness, glyphs: glyphs)
        return Span(badge.text, badge.role)
    }
}
