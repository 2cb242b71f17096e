import Foundation
import Portfolio

/// Turns a parsed Flex response into Portfolio's `HistorySnapshot`: the past that the Client Portal API does
/// not keep. Only one level of each kind of row is used, so nothing is counted twice:
/// NAV from EquitySummary (one point per date, the last row of a date wins), trades from `EXECUTION` rows
/// only (never orders, closed lots or summaries), cash transactions from `DETAIL` rows only, open lots from
/// OpenPosition `LOT` rows. Rows of the consolidated pseudo-account `-` are left out.
public struct FlexHistoryMapping: Sendable {
    /// The zone of Flex date-times that name none: IBKR writes US/Eastern unless the account's entity says otherwise.
    public var timeZone: ZoneRule

    public init(timeZone: ZoneRule = .newYork) {
        self.timeZone = timeZone
    }

    /// Every account of the response. `generatedAt` is IBKR's `whenGenerated`, or `fetchedAt` when the
    /// statement does not say.
    public func snapshot(of response: FlexQueryResponse, fetchedAt: Date) -> HistorySnapshot {
        var accounts: [AccountID: AccountHistory] = [:]
        for statement in response.statements {
            if let history = history(of: statement) { accounts[history.account] = history }
        }
        let generated = response.statements.lazy.compactMap(\.whenGenerated).first
        return HistorySnapshot(accounts: accounts, generatedAt: generated?.instant(defaultTimeZone: timeZone) ?? fetchedAt)
    }

    /// One statement's history; nil for a statement without an account or for the consolidated `-` one.
    public func history(of statement: FlexStatement) -> AccountHistory? {
        guard let id = statement.accountId, id != "-" else { return nil }
        let base = statement.baseCurrency.map { Currency($0) }
        let rates = FlexRateBook(statement.conversionRates)
        let trades = trades(of: statement, base: base, rates: rates)
        return AccountHistory(
            account: AccountID(id), baseCurrency: base ?? Currency(""), fromDate: statement.fromDate?.startOfDayUTC,
            toDate: statement.toDate?.startOfDayUTC, nav: nav(of: statement),
            trades: trades.map { $0.trade }, cashTransactions: cashTransactions(of: statement, base: base, rates: rates),
            openLots: openLots(of: statement),
            realizedYearToDate: base == nil ? nil : realizedYearToDate(trades, year: statement.toDate?.year))
    }

    /// Daily NAV, oldest first; a date written twice keeps its last row.
    func nav(of statement: FlexStatement) -> [NAVPoint] {
        var byDate: [FlexDate: NAVPoint] = [:]
        for row in statement.equitySummary where row.accountId != "-" {
            guard let date = row.reportDate, let total = row.total else { continue }
            byDate[date] = NAVPoint(date: date.startOfDayUTC, total: total.decimal, cash: row.cash?.decimal)
        }
        return byDate.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Executions, oldest first, each once (by transactionID), with the calendar day it was traded on.
    func trades(of statement: FlexStatement, base: Currency?, rates: FlexRateBook) -> [(trade: Trade, day: FlexDate?)] {
        var seen = Set<String>()
        var result: [(trade: Trade, day: FlexDate?, order: Int)] = []
        for (index, row) in statement.trades.enumerated() where row.contract.accountId != "-" {
            guard let quantity = row.quantity, let price = row.tradePrice else { continue }
            let id = row.transactionID ?? row.tradeID ?? "\(statement.accountId ?? "")-trade-\(index)"
            guard seen.insert(id).inserted else { continue }
            let day = row.tradeDate ?? row.dateTime?.date
            let currency = Currency(row.contract.currency ?? "")
            let side = row.side ?? (quantity.significand < 0 ? .sell : .buy)
            let time = row.dateTime ?? day.map { FlexDateTime(date: $0) }
            let trade = Trade(
                id: id, account: AccountID(statement.accountId ?? ""), conid: row.contract.conid,
                symbol: row.contract.symbol ?? "", description: row.contract.description ?? "",
                assetClass: row.contract.assetClass ?? .other(""), currency: currency,
                time: time?.instant(defaultTimeZone: timeZone), side: side, quantity: quantity.decimal,
                price: price.decimal, proceeds: row.proceeds?.decimal, commission: row.ibCommission?.decimal,
                netCash: row.netCash?.decimal, realizedPnl: row.fifoPnlRealized?.decimal,
                fxRateToBase: rate(row.contract.fxRateToBase, currency, day, base: base, rates: rates))
            result.append((trade, day, index))
        }
        result.sort { ($0.trade.time ?? .distantPast, $0.order) < ($1.trade.time ?? .distantPast, $1.order) }
        return result.map { ($0.trade, $0.day) }
    }

    /// Dividends, withholding, interest, fees, deposits and withdrawals from `DETAIL` rows, oldest first.
    func cashTransactions(of statement: FlexStatement, base: Currency?, rates: FlexRateBook) -> [CashTransaction] {
        var result: [(transaction: CashTransaction, order: Int)] = []
        for (index, row) in statement.cashTransactions.enumerated() where row.contract.accountId != "-" {
            guard let amount = row.amount else { continue }
            let day = row.dateTime?.date ?? row.reportDate ?? row.settleDate
            let currency = Currency(row.contract.currency ?? "")
            let time = row.dateTime ?? day.map { FlexDateTime(date: $0) }
            let transaction = CashTransaction(
                id: row.transactionID ?? "\(statement.accountId ?? "")-cash-\(index)",
                account: AccountID(statement.accountId ?? ""), kind: row.kind ?? .other(""),
                date: time?.instant(defaultTimeZone: timeZone), amount: amount.decimal, currency: currency,
                fxRateToBase: rate(row.contract.fxRateToBase, currency, day, base: base, rates: rates),
                conid: row.contract.conid, symbol: row.contract.symbol, description: row.contract.description ?? "")
            result.append((transaction, index))
        }
        result.sort { ($0.transaction.date ?? .distantPast, $0.order) < ($1.transaction.date ?? .distantPast, $1.order) }
        return result.map(\.transaction)
    }

    /// OpenPosition `LOT` rows.
    func openLots(of statement: FlexStatement) -> [Lot] {
        statement.openLots.compactMap { row in
            guard row.contract.accountId != "-", let quantity = row.position else { return nil }
            return Lot(
                account: AccountID(statement.accountId ?? ""), conid: row.contract.conid,
                symbol: row.contract.symbol ?? "", currency: Currency(row.contract.currency ?? ""),
                quantity: quantity.decimal, openDate: row.openDateTime?.instant(defaultTimeZone: timeZone),
                costPrice: row.costBasisPrice?.decimal, costBasis: row.costBasisMoney?.decimal,
                markPrice: row.markPrice?.decimal, marketValue: row.positionValue?.decimal,
                unrealizedPnl: row.fifoPnlUnrealized?.decimal)
        }
    }

    /// FIFO realized P&L of the statement's executions traded in `year` (the year of its `toDate`), each
    /// converted into the base currency with its `fxRateToBase`.
    ///
    /// It can only add up what the statement holds. When the statement starts after 1 January of that year
    /// (a `LastMonth` or 30-day query, say), the realizations between 1 January and `fromDate` are not in it:
    /// the number is then "realized from `fromDate` to `toDate`", not the year to date, and it can be far off.
    /// Select a `YearToDate` period for the true figure. Nil when a trade of the year has no realized P&L or
    /// no rate into the base currency: a missing value is not a zero.
    func realizedYearToDate(_ trades: [(trade: Trade, day: FlexDate?)], year: Int?) -> Decimal? {
        guard let year else { return nil }
        var total = Decimal.zero
        for (trade, day) in trades where day?.year == year {
            guard let realized = trade.realizedPnl else { return nil }
            if realized.isZero { continue }
            guard let inBase = trade.realizedPnlInBase, trade.fxRateToBase != nil else { return nil }
            total += inBase
        }
        return total
    }

    /// The row's own rate, else the statement's ConversionRate for that day (or the last day before), else 1 for
    /// the base currency itself.
    private func rate(_ own: FlexDecimal?, _ currency: Currency, _ day: FlexDate?, base: Currency?, rates: FlexRateBook) -> Decimal? {
        if let own, own.significand > 0 { return own.decimal }
        if let day, let rate = rates.rate(for: currency.code, on: day) { return rate }
        return currency == base ? 1 : nil
    }
}
