import Foundation
import Portfolio

/// The bottom row: DEMO and INSECURE TLS first when they apply, then the gateway, the session, the worst freshness
/// on screen, the effective cadence and the clock; key hints fill what is left.
struct StatusLine {
    let state: DashboardState
    let view: ViewState
    let worst: Freshness?
    let notice: String?

    func draw(in rect: Rect, painter: Painter, grid: inout Grid) {
        grid.fill(rect, style: painter.style(.status))
        let connection = state.connection
        let (glyph, role) = sessionMark(connection.session, glyphs: painter.glyphs)
        let badge = painter.badge(worst)
        // (priority, span): what matters most stays when the line is narrow; DEMO and INSECURE TLS always do.
        var parts: [(Int, Span)] = []
        if connection.isDemo { parts.append((0, Span(" DEMO ", .warning))) }
        if connection.tlsInsecure { parts.append((0, Span(" INSECURE TLS ", .error))) }
        parts.append((3, Span(" " + connection.gateway.sanitized, .status)))
        parts.append((1, Span(" " + glyph + " " + connection.session.words, role)))
        if let message = connection.sessionMessage, connection.session != .authenticated, !message.isEmpty {
            parts.append((5, Span(" (" + message.sanitized + ")", role)))
        }
        parts.append((1, Span("  " + badge.text, badge.role)))
        parts.append((4, cadenceSpan))
        parts.append((2, Span("  " + painter.clock.time(state.now) + " ", .status)))
        func width(_ parts: [(Int, Span)]) -> Int { parts.reduce(0) { $0 + TextWidth.of($1.1.text) } }
        while width(parts) > rect.width, let drop = parts.indices.max(by: { parts[$0].0 <= parts[$1].0 }), parts[drop].0 > 0 {
            parts.remove(at: drop)
        }
        let left = parts.map(\.1)
        var x = rect.x
        for span in left where x < rect.maxX {
            x = grid.put(span.text, x: x, y: rect.y, style: merged(span.role, painter: painter), limit: rect.maxX - x)
        }
        let hints = hintSpans()
        let hintsWidth = hints.reduce(0) { $0 + TextWidth.of($1.text) }
        guard rect.maxX - x >= 8 else { return }
        var hx = max(x + 1, rect.maxX - hintsWidth)
        for span in hints where hx < rect.maxX {
            hx = grid.put(
                TextWidth.truncate(span.text, to: rect.maxX - hx), x: hx, y: rect.y, style: merged(span.role, painter: painter),
                limit: rect.maxX - hx)
        }
    }

    /// The positions' cadence as a rule; when pacing or backoff stretched the cadences, the first dataset stretched
    /// beyond its configured cadence, named, as a warning (`orders 15s paced`), since that is the data that now lags.
    private var cadenceSpan: Span {
        let cadences = state.cadences
        guard cadences.stretched else { return Span("  positions " + AgeText.of(cadences[.positions]), .status) }
        let slowest = cadences.stretchedDatasets.min().map { ($0, cadences[$0]) }
        guard let slowest else { return Span("  paced", .warning) }
        return Span("  " + slowest.0.title + " " + AgeText.of(slowest.1) + " paced", .warning)
    }

    private func hintSpans() -> [Span] {
        if let notice { return [Span(" " + notice.sanitized + " ", .warning)] }
        let pairs: [(String, String)] =
            view.editingFilter != nil
            ? [("Enter", "keep"), ("Esc", "clear")]
            : view.screen == .main
                ? [("q", "quit"), ("?", "help"), ("Tab", "focus"), ("Enter", "open"), ("/", "filter")]
                : [("Esc", "back"), ("j/k", "scroll"), ("?", "help"), ("q", "quit")]
        return pairs.flatMap { [Span(" " + $0.0, .statusKey), Span(" " + $0.1, .status)] } + [Span(" ", .status)]
    }

    /// A role's text colour and attributes on the status line's background, so that the bar stays one bar.
    private func merged(_ role: ThemeRole, painter: Painter) -> Style {
        guard role != .status && role != .statusKey else { return painter.style(role) }
        var style = painter.style(role)
        // A bar drawn by attributes alone (the mono theme reverses it) keeps them under every part.
        style.attributes.formUnion(painter.style(.status).attributes)
        style.background = painter.style(.status).background
        if style.foreground == .terminalDefault { style.foreground = painter.style(.status).foreground }
        return style
    }

    private func sessionMark(_ session: SessionState, glyphs: ThemeGlyphs) -> (String, ThemeRole) {
        switch session {
        case .authenticated: (glyphs.live, .gain)
        case .connecting: (glyphs.missing, .status)
        case .readOnly, .competing: (glyphs.aging, .warning)
        case .notLoggedIn, .unreachable: (glyphs.error, .error)
        }
    }
}
