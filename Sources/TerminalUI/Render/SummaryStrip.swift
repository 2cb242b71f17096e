import Foundation
import Portfolio

/// The second row: net liquidation, cash, excess liquidity, cushion, day P&L, unrealized and realized YTD of
/// what is shown, with the worst freshness of the numbers. Fields drop from the least important when narrow,
/// after the numbers have been shortened.
struct SummaryStrip {
    let model: DashboardModel
    let state: DashboardState
    let view: ViewState

    var freshness: Freshness? {
        let now = state.now
        let each: [Freshness] = model.shown.flatMap { account in
            [account.summary.freshness(at: now), account.ledger.freshness(at: now), account.pnl.freshness(at: now)]
        }
        return each.max()
    }

    func draw(in rect: Rect, painter: Painter, grid: inout Grid) {
        let badge = painter.badge(freshness)
        var fields = fields(compact: false, painter: painter)
        let room = rect.width - TextWidth.of(badge.text) - 1
        if width(of: fields) > room { fields = self.fields(compact: true, painter: painter) }
        while width(of: fields) > room, let drop = fields.indices.max(by: { fields[$0].priority <= fields[$1].priority }),
            fields.count > 1
        {
            fields.remove(at: drop)
        }
        var spans: [Span] = []
        for field in fields {
            if !spans.isEmpty { spans.append(Span("  ")) }
            spans += field.spans
        }
        painter.draw(TextLine(spans), in: &grid, x: rect.x, y: rect.y, width: rect.width)
        let badgeWidth = TextWidth.of(badge.text)
        if rect.width > badgeWidth + 1 {
            painter.put(badge, in: &grid, x: rect.maxX - badgeWidth, y: rect.y, width: badgeWidth)
        }
    }

    private struct Field {
        var priority: Int
        var spans: [Span]
    }

    private func width(of fields: [Field]) -> Int {
        fields.reduce(0) { total, field in total + field.spans.reduce(0) { $0 + TextWidth.of($1.text) } }
            + 2 * max(0, fields.count - 1)
    }

    private func fields(compact: Bool, painter: Painter) -> [Field] {
        guard let totals = model.totals else { return [Field(priority: 1, spans: [Span("Waiting for accounts…", .muted)])] }
        // Totals move with every price tick: they never flash, or the strip would always be lit.
        func amount(_ value: Decimal?) -> Span {
            guard compact, let value, !painter.privacy else { return painter.amount(value, decimals: compact ? 0 : 2) }
            return Span(NumberText.compact(value), .foreground)
        }
        func change(_ value: Decimal?) -> Span {
            painter.change(value, compact: compact)
        }
        var fields = [
            Field(priority: 1, spans: [Span("NetLiq ", .muted), amount(totals.netLiquidation), Span(" " + totals.currency.code.sanitized, .muted)]),
            Field(priority: 3, spans: [Span("Cash ", .muted), amount(totals.cash)]),
            Field(priority: 4, spans: [Span("Excess ", .muted), amount(totals.excessLiquidity)]),
            Field(priority: 5, spans: [Span("Cushion ", .muted), cushion(totals.cushion)]),
            Field(priority: 1, spans: [Span("Day ", .muted), change(totals.dailyPnl)]),
            Field(priority: 2, spans: [Span("Unrl ", .muted), change(totals.unrealizedPnl)]),
            Field(priority: 6, spans: [Span("Real YTD ", .muted), change(totals.realizedYearToDate)]),
        ]
        if model.isConsolidated, let missing = state.consolidated?.missingRates, !missing.isEmpty {
            let codes = missing.map(\.code).sorted().joined(separator: ",").sanitized
            fields.append(Field(priority: 2, spans: [Span("no rate for \(codes): left out", .warning)]))
        }
        return fields
    }

    private func cushion(_ value: Decimal?) -> Span {
        guard let value else { return Span("—", .muted) }
        // A cushion under 10 % is close to a margin call.
        return Span(NumberText.percent(value * 100, decimals: 1), value * 10 < 1 ? .warning : .foreground)
    }
}
