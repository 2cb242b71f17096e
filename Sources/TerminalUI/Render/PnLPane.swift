import Foundation
import Portfolio

/// Day, unrealized and realized P&L of what is shown, and the NAV sparkline from the Flex history.
struct PnLPane {
    let model: DashboardModel
    let state: DashboardState
    let view: ViewState
    /// The NAV of what is shown (`NAVSeries(model:state:)`).
    let series: NAVSeries

    var freshness: Freshness? {
        model.shown.flatMap { [$0.pnl.freshness(at: state.now), $0.ledger.freshness(at: state.now)] }.max()
    }

    func draw(in rect: Rect, focused: Bool, painter: Painter, grid: inout Grid) {
        let title = [Span("P&L", .title), painter.badge(freshness)]
        let inside = PaneFrame.draw(rect, title: title, focused: focused, painter: painter, in: &grid)
        guard inside.height > 0, inside.width > 0 else { return }
        var lines = amounts(width: inside.width, painter: painter)
        // One row of chart: a sparkline's lowest value is `▁`, never a blank that looks like a gap in the data.
        let chartRow = inside.height > lines.count + 1 ? inside.y + inside.height - 1 : nil
        if chartRow != nil {
            if inside.height > lines.count + 2 { lines.append(.blank) }
            lines.append(navLabel(series, width: inside.width, painter: painter))
        }
        for (offset, line) in lines.prefix(inside.height).enumerated() {
            painter.draw(line, in: &grid, x: inside.x, y: inside.y + offset, width: inside.width)
        }
        guard let chartRow else { return }
        let values = series.points.map(\.total)
        guard let row = Sparkline.chart(values, width: inside.width, height: 1).first, !row.isEmpty else {
            let reason = state.history.value == nil ? "waiting for the Flex statement" : "no daily NAV in the statement"
            painter.put(Span(reason, .muted), in: &grid, x: inside.x, y: chartRow, width: inside.width)
            return
        }
        let role: ThemeRole = values.count >= 2 ? Painter.role(of: (values.last ?? 0) - (values.first ?? 0)) : .muted
        painter.put(Span(row, role), in: &grid, x: inside.x, y: chartRow, width: inside.width)
    }

    /// Day, unrealized and realized P&L; realized today and year to date share a row when it is wide enough.
    private func amounts(width: Int, painter: Painter) -> [TextLine] {
        let totals = model.totals
        let currency = Span(" " + (totals?.currency.code.sanitized ?? ""), .muted)
        let key = "pnl/" + (view.selectedAccount?.rawValue ?? "all")
        var lines = [
            // Day and unrealized P&L move with every price tick, so they do not flash; realized P&L moves on fills.
            TextLine([Span("Day         ", .muted), painter.change(totals?.dailyPnl), currency]),
            TextLine([Span("Unrealized  ", .muted), painter.change(totals?.unrealizedPnl), currency]),
        ]
        let today = painter.change(totals?.realizedToday, flashKey: key + "/real")
        let yearToDate = painter.change(totals?.realizedYearToDate, flashKey: key + "/ytd")
        let oneRow = TextLine([Span("Realized    ", .muted), today, Span(" today  ", .muted), yearToDate, Span(" YTD", .muted)])
        if oneRow.width <= width {
            lines.append(oneRow)
        } else {
            lines.append(TextLine([Span("Realized    ", .muted), today, Span(" today", .muted)]))
            lines.append(TextLine([Span("Realized    ", .muted), yearToDate, Span(" YTD", .muted)]))
        }
        return lines
    }

    /// `NAV all USD 1,660,123.45 · 260d ● 2s`, shortened to fit: the amount compact, then without the day count.
    private func navLabel(_ series: NAVSeries, width: Int, painter: Painter) -> TextLine {
        let badge = painter.badge(state.history.value == nil ? nil : state.history.freshness(at: state.now))
        guard let last = series.points.last else { return TextLine([Span(series.label + " ", .muted), badge]) }
        let full = painter.amount(last.total)
        let compact = painter.privacy ? full : Span(NumberText.compact(last.total), full.role)
        let days = Span(" · \(series.points.count)d", .muted)
        let candidates = [
            TextLine([Span(series.label + " ", .muted), full, days, Span(" "), badge]),
            TextLine([Span(series.label + " ", .muted), compact, days, Span(" "), badge]),
            TextLine([Span(series.label + " ", .muted), compact, Span(" "), badge]),
        ]
        return candidates.first { $0.width <= width } ?? candidates[candidates.count - 1]
    }
}
