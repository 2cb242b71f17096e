import Foundation

/// Cash and values per currency from `/portfolio/{id}/ledger`, plus IBKR's `BASE` aggregate.
public struct Ledger: Hashable, Sendable {
    public var baseCurrency: Currency
    /// One entry per currency held, keyed by currency; amounts are in that currency.
    public var entries: [Currency: LedgerEntry]
    /// IBKR's `BASE` row: every currency converted into the base currency.
    public var base: LedgerEntry?
    public var asOf: Date?

    public init(baseCurrency: Currency, entries: [Currency: LedgerEntry], base: LedgerEntry?, asOf: Date? = nil) {
        self.baseCurrency = baseCurrency
        self.entries = entries
        self.base = base
        self.asOf = asOf
    }

    /// The rates this ledger implies: one unit of each held currency in the base currency.
    public var fxRates: FXRates {
        var rates: [Currency: Decimal] = [baseCurrency: 1]
        for (currency, entry) in entries { if let rate = entry.exchangeRate { rates[currency] = rate } }
        return FXRates(base: baseCurrency, rates: rates)
    }
}

/// One currency's line of the ledger.
public struct LedgerEntry: Hashable, Sendable {
    public var currency: Currency
    public var cashBalance: Decimal?
    public var settledCash: Decimal?
    public var netLiquidation: Decimal?
    public var stockMarketValue: Decimal?
    public var optionMarketValue: Decimal?
    public var futureMarketValue: Decimal?
    public var unrealizedPnl: Decimal?
    public var realizedPnl: Decimal?
    public var interest: Decimal?
    public var dividends: Decimal?
    /// The value of one unit of this currency in the base currency.
    public var exchangeRate: Decimal?

    public init(
        currency: Currency, cashBalance: Decimal? = nil, settledCash: Decimal? = nil,
        netLiquidation: Decimal? = nil, stockMarketValue: Decimal? = nil, optionMarketValue: Decimal? = nil,
        futureMarketValue: Decimal? = nil, unrealizedPnl: Decimal? = nil, realizedPnl: Decimal? = nil,
        interest: Decimal? = nil, dividends: Decimal? = nil, exchangeRate: Decimal? = nil
    ) {
        self.currency = currency
        self.cashBalance = cashBalance
        self.settledCash = settledCash
        self.netLiquidation = netLiquidation
        self.stockMarketValue = stockMarketValue
        self.optionMarketValue = optionMarketValue
        self.futureMarketValue = futureMarketValue
        self.unrealizedPnl = unrealizedPnl
        self.realizedPnl = realizedPnl
        self.interest = interest
        self.dividends = dividends
        self.exchangeRate = exchangeRate
    }
}
