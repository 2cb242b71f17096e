import Foundation
import Portfolio

/// Day, unrealized and realized P&L of what is shown, and the NAV sparkline from the Flex history.
struct PnLPane {
    let model: DashboardModel
    let state: DashboardState
    let view: ViewState

    var freshness: Freshness? {
        model.shown.flatMap { [$0.pnl.freshness(at: state.now), $0.ledger.freshness(at: state.now)] }.max()
    }

    func draw(in rect: Rect, focused: Bool, painter: Painter, grid: inout Grid) {
        let title = [Span("P&L", .title), painter.badge(freshness)]
        let inside = PaneFrame.draw(rect, title: title, focused: focused, painter: painter, in: &grid)
        guard inside.height > 0, inside.width > 0 else { return }
        let totals = model.totals
        let currency = totals?.currency.code ?? ""
        let key = "pnl/" + (view.selectedAccount?.rawValue ?? "all")
        var lines = [
            TextLine([Span("Day         ", .muted), painter.change(totals?.dailyPnl, flashKey: key + "/day"), Span(" " + currency, .muted)]),
            TextLine([Span("Unrealized  ", .muted), painter.change(totals?.unrealizedPnl, flashKey: key + "/unrl"), Span(" " + currency, .muted)]),
            TextLine([
                Span("Realized    ", .muted), painter.change(totals?.realizedToday), Span(" today  ", .muted),
                painter.change(totals?.realizedYearToDate), Span(" YTD", .muted),
            ]),
        ]
        let series = NAVSeries(model: model)
        let chartRows = inside.height - lines.count - 1
        if inside.height > lines.count {
            var label = [Span(series.label + " ", .muted)]
            if let last = series.points.last {
                label.append(painter.amount(last.total))
                label.append(Span(" · \(series.points.count)d ", .muted))
            }
            label.append(painter.badge(state.history.value == nil ? nil : state.history.freshness(at: state.now)))
            lines.append(TextLine(label))
        }
        for (offset, line) in lines.prefix(inside.height).enumerated() {
            painter.draw(line, in: &grid, x: inside.x, y: inside.y + offset, width: inside.width)
        }
        guard chartRows > 0 else { return }
        let values = series.points.map(\.total)
        let rows = Sparkline.chart(values, width: inside.width, height: chartRows)
        let role: ThemeRole = values.count >= 2 ? Painter.role(of: (values.last ?? 0) - (values.first ?? 0)) : .muted
        for (offset, row) in rows.enumerated() {
            let y = inside.y + lines.count + offset
            let text = row.isEmpty && offset == 0 ? "no Flex history" : row
            painter.put(Span(text, row.isEmpty ? .muted : role), in: &grid, x: inside.x, y: y, width: inside.width)
        }
    }
}
