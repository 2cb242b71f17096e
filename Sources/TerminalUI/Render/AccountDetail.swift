import Foundation
import Portfolio

/// One account: every summary metric, margin and look-ahead, and the ledger by currency.
struct AccountDetail {
    let account: AccountState
    let state: DashboardState
    let painter: Painter

    func lines(width: Int) -> [TextLine] {
        let summary = account.summary.value
        let currency = account.account.baseCurrency.code.sanitized
        let money = { (value: Decimal?) in painter.amount(value) }
        var lines: [TextLine] = []
        let name = account.account.displayName.sanitized
        var title = [Span(account.id.rawValue.sanitized + (name == account.id.rawValue ? "" : " · " + name), .title)]
        title.append(Span("  " + account.account.type.sanitized + " · base " + currency, .muted))
        if account.account.isPaper { title.append(Span("  paper account", .warning)) }
        lines.append(TextLine(title))
        lines.append(.blank)
        lines.append(TextLine([Span("Balances ", .title), painter.badge(account.summary.freshness(at: state.now))]))
        lines += DetailPage.metrics([
            ("Net liquidation", money(account.totals.netLiquidation)),
            ("Total cash", money(account.totals.cash)),
            ("Gross position value", money(summary?.grossPositionValue)),
            ("Equity with loan", money(summary?.equityWithLoan)),
            ("Prior-day equity w/ loan", money(summary?.previousDayEquityWithLoan)),
            ("Day P&L", painter.change(account.totals.dailyPnl)),
            ("Unrealized P&L", painter.change(account.totals.unrealizedPnl)),
            ("Realized today", painter.change(account.totals.realizedToday)),
            ("Realized YTD (Flex)", painter.change(account.totals.realizedYearToDate)),
        ])
        lines.append(.blank)
        lines.append(.heading("Margin"))
        lines += DetailPage.metrics([
            ("Initial margin", money(summary?.initialMargin)),
            ("Maintenance margin", money(summary?.maintenanceMargin)),
            ("Available funds", money(summary?.availableFunds)),
            ("Excess liquidity", money(account.totals.excessLiquidity)),
            ("Buying power", money(summary?.buyingPower)),
            ("Cushion", account.totals.cushion.map { Span(NumberText.percent($0 * 100, decimals: 1)) } ?? Span("—", .muted)),
            ("Leverage", summary?.leverage.map { Span(NumberText.format($0, decimals: 2)) } ?? Span("—", .muted)),
            ("SMA", money(summary?.sma)),
            ("Day trades left", dayTrades(summary?.dayTradesRemaining)),
        ])
        lines.append(.blank)
        let next = summary?.lookAhead.nextChange.map(lookAheadTime) ?? ""
        lines.append(TextLine([Span("Look-ahead", .title), Span(next, .muted)]))
        lines += DetailPage.metrics([
            ("Initial margin", money(summary?.lookAhead.initialMargin)),
            ("Maintenance margin", money(summary?.lookAhead.maintenanceMargin)),
            ("Available funds", money(summary?.lookAhead.availableFunds)),
            ("Excess liquidity", money(summary?.lookAhead.excessLiquidity)),
        ])
        lines.append(.blank)
        lines.append(TextLine([Span("Ledger by currency ", .title), painter.badge(account.ledger.freshness(at: state.now))]))
        lines += ledger(width: width)
        return lines
    }

    private func dayTrades(_ value: AccountSummary.DayTrades?) -> Span {
        switch value {
        case .none: Span("—", .muted)
        case .unlimited: Span("unlimited")
        case .remaining(let count): Span("\(count)", count <= 1 ? .warning : .foreground)
        }
    }

    private func ledger(width: Int) -> [TextLine] {
        guard let ledger = account.ledger.value else { return [TextLine([Span("  Loading the ledger…", .muted)])] }
        let entries = ledger.entries.values.sorted { $0.currency < $1.currency }
        let labelled = entries.map { (label: Span("  " + $0.currency.code.sanitized), entry: $0) }
            + (ledger.base.map { [(label: Span("  BASE", .accent), entry: $0)] } ?? [])
        let rows: [[Span]] = labelled.map { label, entry in
            [
                label,
                painter.amount(entry.cashBalance), painter.amount(entry.settledCash), painter.amount(entry.netLiquidation),
                painter.amount(entry.stockMarketValue), painter.amount(entry.optionMarketValue),
                painter.amount(entry.futureMarketValue), painter.change(entry.unrealizedPnl),
                painter.change(entry.realizedPnl), painter.amount(entry.dividends), painter.amount(entry.interest),
                entry.exchangeRate.map { Span(NumberText.format($0, decimals: 4), .muted) } ?? Span("—", .muted),
            ]
        }
        let table = DetailTable(
            headings: [
                .init("  Ccy", 6, .left), .init("Cash", 14), .init("Settled", 14), .init("Net liq", 14),
                .init("Stocks", 14), .init("Options", 12), .init("Futures", 12), .init("Unrl P&L", 13),
                .init("Real P&L", 12), .init("Dividends", 11), .init("Interest", 10), .init("Rate", 8),
            ],
            rows: rows)
        return table.lines(width: width)
    }

    /// IBKR's time of the next margin change, said relative to now: IBKR keeps sending it after it has passed, and a
    /// past time must not read as an upcoming event.
    private func lookAheadTime(_ time: Date) -> String {
        let when = painter.clock.dayAndMinutes(time)
        let distance = Duration.seconds(abs(time.timeIntervalSince(state.now)))
        if time <= state.now { return " (IBKR's next change " + when + ", passed " + AgeText.of(distance) + " ago)" }
        return " (next change " + when + ", in " + AgeText.of(distance) + ")"
    }
}
