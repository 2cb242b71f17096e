import Foundation
import Portfolio

/// The history view: the NAV chart, trades and cash transactions from the Flex statement, newest first.
struct HistoryDetail {
    let state: DashboardState
    let view: ViewState
    let painter: Painter

    func lines(width: Int) -> [TextLine] {
        let model = DashboardModel(state: state, view: view)
        let histories = model.shown.compactMap(\.history)
        var lines: [TextLine] = []
        let freshness = state.history.value == nil && state.history.lastError == nil ? nil : state.history.freshness(at: state.now)
        var heading = [Span("Flex statement ", .title), painter.badge(freshness)]
        if let generated = state.history.value?.generatedAt {
            heading.append(Span("  generated " + painter.clock.dayAndMinutes(generated), .muted))
        }
        if let error = state.history.lastError { heading.append(Span("  " + error.message.sanitized, .error)) }
        lines.append(TextLine(heading))
        guard !histories.isEmpty else {
            lines.append(TextLine([Span(state.history.value == nil ? "Waiting for the Flex statement…" : "The statement covers none of these accounts", .muted)]))
            return lines
        }
        lines.append(.blank)
        lines += chart(NAVSeries(model: model, state: state), width: width)
        lines.append(.blank)
        let multiple = histories.count > 1
        let trades = histories.flatMap(\.trades).sorted { ($0.time ?? .distantPast) > ($1.time ?? .distantPast) }
        lines.append(.heading("Trades (\(trades.count))"))
        lines += trades.isEmpty ? [TextLine([Span("  none", .muted)])] : TradeTable.lines(trades, showAccount: multiple, painter: painter, width: width)
        lines.append(.blank)
        let cash = histories.flatMap(\.cashTransactions).sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }
        lines.append(.heading("Cash transactions (\(cash.count))"))
        lines += cash.isEmpty ? [TextLine([Span("  none", .muted)])] : CashTable.lines(cash, showAccount: multiple, painter: painter, width: width)
        return lines
    }

    private func chart(_ series: NAVSeries, width: Int) -> [TextLine] {
        guard let first = series.points.first, let last = series.points.last else {
            return [TextLine([Span(series.label + ": " + series.explanation, .muted)])]
        }
        let change = last.total - first.total
        let period = [
            Span(series.label + "  ", .title),
            Span(ClockText.reportDay(first.date) + " → " + ClockText.reportDay(last.date) + "  ", .muted),
        ]
        let numbers = [
            painter.amount(last.total), Span("  "), painter.change(change),
            Span("  "), painter.percentChange(first.total == 0 ? nil : change / first.total * 100),
        ]
        // The numbers on a row of their own when both do not fit, rather than cut.
        let heading = TextLine(period + numbers)
        var lines = heading.width <= width ? [heading] : [TextLine(period), TextLine([Span("  ")] + numbers)]
        lines.append(TextLine([Span("  " + series.explanation, .muted)]))
        let rows = Sparkline.chart(series.points.map(\.total), width: max(1, width - 2), height: 8)
        let role = Painter.role(of: change)
        lines += rows.map { TextLine([Span("  " + $0, role)]) }
        return lines
    }
}
