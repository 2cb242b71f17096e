import Portfolio

/// The alert log, newest first; each line's severity reads from its glyph as well as its colour.
struct AlertsPane {
    let model: DashboardModel
    let view: ViewState

    static func glyph(_ severity: Alert.Severity, glyphs: ThemeGlyphs) -> (String, ThemeRole) {
        switch severity {
        case .info: ("i", .muted)
        case .warning: ("!", .warning)
        case .error: (glyphs.error, .error)
        case .critical: ("‼", .error)
        }
    }

    func draw(in rect: Rect, focused: Bool, painter: Painter, grid: inout Grid) {
        let alerts = model.alerts
        var title = [Span("Alerts (\(alerts.count))", .title)]
        title += FilterTitle.spans(pane: .alerts, view: view)
        let inside = PaneFrame.draw(rect, title: title, focused: focused, painter: painter, in: &grid)
        guard inside.height > 0, inside.width > 0 else { return }
        guard !alerts.isEmpty else {
            let message = view.filter(.alerts).isEmpty ? "No alerts" : "No alert matches the filter"
            painter.put(Span(message, .muted), in: &grid, x: inside.x, y: inside.y, width: inside.width)
            return
        }
        let keys = alerts.map { "\($0.id)" }
        let cursor = view.cursor(.alerts)
        let selected = cursor.resolvedIndex(in: keys)
        let top = cursor.visibleTop(selected: selected, count: alerts.count, height: inside.height)
        for (offset, index) in (top..<min(alerts.count, top + inside.height)).enumerated() {
            let alert = alerts[index]
            let (glyph, role) = Self.glyph(alert.severity, glyphs: painter.glyphs)
            let textRole: ThemeRole = alert.severity >= .error ? .error : alert.severity == .warning ? .warning : .foreground
            var spans = [Span(glyph + " ", role), Span(painter.clock.time(alert.time) + " ", .muted)]
            let text = alert.text.sanitized
            // A failed fetch's text names its job (`U1234567 summary: …`): the account once is enough.
            if let account = alert.account?.rawValue.sanitized, model.isConsolidated, !text.hasPrefix(account + " ") {
                spans.append(Span(account + " ", .muted))
            }
            spans.append(Span(text, textRole))
            let y = inside.y + offset
            painter.draw(TextLine(spans), in: &grid, x: inside.x, y: y, width: inside.width)
            if focused && index == selected {
                grid.restyle(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: painter.style(.selection))
            }
        }
    }
}
