import Foundation

/// What the Flex statement says about one account: the past, which the Client Portal API does not keep.
public struct AccountHistory: Hashable, Sendable {
    public var account: AccountID
    public var baseCurrency: Currency
    /// The statement's period.
    public var fromDate: Date?
    public var toDate: Date?
    /// Daily NAV, oldest first, one point per report date.
    public var nav: [NAVPoint]
    /// Executions, oldest first.
    public var trades: [Trade]
    /// Dividends, withholding, interest, fees, deposits and withdrawals, oldest first.
    public var cashTransactions: [CashTransaction]
    public var openLots: [Lot]
    /// FIFO realized P&L from the start of the statement's year to its end, in the base currency.
    public var realizedYearToDate: Decimal?

    public init(
        account: AccountID, baseCurrency: Currency, fromDate: Date? = nil, toDate: Date? = nil,
        nav: [NAVPoint] = [], trades: [Trade] = [], cashTransactions: [CashTransaction] = [],
        openLots: [Lot] = [], realizedYearToDate: Decimal? = nil
    ) {
        self.account = account
        self.baseCurrency = baseCurrency
        self.fromDate = fromDate
        self.toDate = toDate
        self.nav = nav
        self.trades = trades
        self.cashTransactions = cashTransactions
        self.openLots = openLots
        self.realizedYearToDate = realizedYearToDate
    }

    public var dividends: [CashTransaction] {
        cashTransactions.filter { $0.kind == .dividend || $0.kind == .paymentInLieu || $0.kind == .withholdingTax }
    }
}

/// History for every account a Flex statement covered, with when IBKR generated it.
public struct HistorySnapshot: Hashable, Sendable {
    public var accounts: [AccountID: AccountHistory]
    /// When IBKR generated the statement (its `whenGenerated`), else when it was fetched.
    public var generatedAt: Date

    public init(accounts: [AccountID: AccountHistory], generatedAt: Date) {
        self.accounts = accounts
        self.generatedAt = generatedAt
    }
}
