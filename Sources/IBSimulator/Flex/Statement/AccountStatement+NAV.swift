import Foundation

/// The account, its daily NAV and the period's change in NAV (reference §7.1–7.3).
extension AccountStatement {
    func accountInformation() -> StatementRow {
        var row = accountAttributes
        row.add("currency", account.baseCurrency)
        row.add("name", account.title)
        row.add("accountType", "Individual")
        row.add("customerType", "Individual")
        row.add("accountCapabilities", "Margin")
        row.add("tradingPermissions", "Stocks,Options,Futures")
        row.add("dateOpened", clock.date(account.openedAt))
        row.add("dateFunded", account.cashEntries.first { $0.kind == .deposit }.map { clock.date($0.date) } ?? "")
        row.add("ibEntity", account.baseCurrency == "EUR" ? "IBIE" : "IBLLC-US")
        return row
    }

    /// One row per closed day from the gateway's NAV closes. Open futures P&L counts as cash: IBKR settles it
    /// daily, and futures are no NAV component of their own.
    func equitySummaryRows() -> [StatementRow] {
        days.compactMap { day in
            guard let close = navClose(day) else { return nil }
            var row = accountAttributes
            row.add("currency", account.baseCurrency)
            row.add("reportDate", clock.date(ledger.days[day]))
            row.add("cash", close.cash + close.futures)
            row.add("stock", close.stock)
            row.add("options", close.options)
            for empty in ["commodities", "funds", "interestAccruals", "dividendAccruals"] { row.add(empty, "0") }
            row.add("total", close.total)
            return row
        }
    }

    /// The period's NAV change. Exchange rates are constant in the simulator, so after the cash flows only
    /// prices moved the NAV: `mtm` is what remains, the cents of rounding in the daily closes included.
    func changeInNAV(cash: CashReport) -> StatementRow {
        let starting = navClose(days.lowerBound - 1)?.total ?? 0
        let ending = navClose(days.upperBound)?.total ?? 0
        let flows: [(String, Decimal)] = [
            ("depositsWithdrawals", cash.base[.depositWithdrawals, default: 0]),
            ("dividends", cash.base[.dividends, default: 0]),
            ("withholdingTax", cash.base[.withholdingTax, default: 0]),
            ("interest", cash.base[.brokerInterest, default: 0]),
            ("commissions", cash.base[.commissions, default: 0]),
            ("fxTranslation", cash.base[.fxTranslationGainLoss, default: 0]),
        ]
        var row = accountAttributes
        row.add("fromDate", clock.date(period.fromDate))
        row.add("toDate", clock.date(period.toDate))
        row.add("startingValue", starting)
        row.add("mtm", ending - starting - flows.reduce(Decimal(0)) { $0 + $1.1 })
        row.add("realized", "0")
        row.add("changeInUnrealized", "0")
        for (name, amount) in flows { row.add(name, amount) }
        row.add("otherFees", "0")
        row.add("other", "0")
        row.add("endingValue", ending)
        row.add("twr", timeWeightedReturn(startingValue: starting))
        row.add("currency", account.baseCurrency)
        return row
    }

    /// Daily returns net of deposits, chained, in percent.
    private func timeWeightedReturn(startingValue: Decimal) -> Decimal {
        var deposits: [Int: Decimal] = [:]
        for event in entries where event.entry.kind == .deposit {
            deposits[event.day, default: 0] += inBase(event.entry.amount, event.entry.currency)
        }
        var growth: Decimal = 1
        var previous = startingValue
        for day in days {
            guard let close = navClose(day) else { continue }
            if previous != 0 { growth *= (close.total - deposits[day, default: 0]) / previous }
            previous = close.total
        }
        return ((growth - 1) * 100).rounded(8)
    }
}
