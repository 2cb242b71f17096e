import Foundation

/// One account's `FlexStatement` over a period of closed days, built from the account's recorded history.
struct AccountStatement: Sendable {
    let ledger: FlexLedger
    let account: SimulatedAccount
    let period: StatementPeriod
    let clock: StatementClock
    let events: AccountEvents
    /// Cash and lots at the close before the period, and at its last close.
    let opening: BookState
    let closing: BookState
    /// What happened within the period.
    let trades: [AccountEvents.TradeEvent]
    let entries: [AccountEvents.EntryEvent]

    var days: ClosedRange<Int> { period.days }

    init(account: SimulatedAccount, ledger: FlexLedger, period: StatementPeriod, clock: StatementClock) {
        self.ledger = ledger
        self.account = account
        self.period = period
        self.clock = clock
        events = AccountEvents(account, ledger: ledger)
        opening = BookState(events, through: period.days.lowerBound - 1)
        closing = BookState(events, through: period.days.upperBound)
        trades = events.trades.filter { period.days.contains($0.day) }
        entries = events.entries.filter { period.days.contains($0.day) }
    }

    func write(into writer: inout StatementWriter, generatedAt: Date) {
        var attributes = StatementRow()
        attributes.add("accountId", account.id)
        attributes.add("fromDate", clock.date(period.fromDate))
        attributes.add("toDate", clock.date(period.toDate))
        attributes.add("period", period.name)
        attributes.add("whenGenerated", clock.dateTime(generatedAt))
        writer.open("FlexStatement", attributes)
        writer.row("AccountInformation", accountInformation())
        let cash = CashReport(self)
        writer.row("ChangeInNAV", changeInNAV(cash: cash))
        writer.section("CashReport", "CashReportCurrency", cashReportRows(cash))
        writer.section("EquitySummaryInBase", "EquitySummaryByReportDateInBase", equitySummaryRows())
        writer.section("FIFOPerformanceSummaryInBase", "FIFOPerformanceSummaryUnderlying", fifoPerformanceRows())
        writer.section("OpenPositions", "OpenPosition", openPositionRows())
        writeTrades(into: &writer)
        writer.section("CashTransactions", "CashTransaction", cashTransactionRows())
        writer.section("ConversionRates", "ConversionRate", conversionRateRows())
        writer.close("FlexStatement")
    }

    // MARK: Shared pieces

    /// `accountId`, `acctAlias` and `model`, which every row begins with.
    var accountAttributes: StatementRow {
        var row = StatementRow()
        row.add("accountId", account.id)
        row.add("acctAlias", "")
        row.add("model", "")
        return row
    }

    /// The account attributes, the row's currency and its rate to the base currency.
    func currencyAttributes(_ currency: String) -> StatementRow {
        var row = accountAttributes
        row.add("currency", currency)
        row.add("fxRateToBase", ledger.fx.rate(currency, base: account.baseCurrency))
        return row
    }

    /// `amount` in `currency` converted to the base currency and rounded to cents.
    func inBase(_ amount: Decimal, _ currency: String) -> Decimal {
        (amount * ledger.fx.rate(currency, base: account.baseCurrency)).rounded(2)
    }

    func navClose(_ day: Int) -> NAVClose? { account.navCloses.indices.contains(day) ? account.navCloses[day] : nil }

    /// Whether a lot held from `opened` to `end` is long-term (more than a year).
    func isLongTerm(openedAt opened: Date, at end: Date) -> Bool {
        end > ledger.calendar.newYork.adding(years: 1, to: opened)
    }
}
