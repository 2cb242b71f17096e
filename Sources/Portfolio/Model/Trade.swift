import Foundation

/// A past execution from the Flex statement, with the P&L it realized.
public struct Trade: Hashable, Sendable, Identifiable {
    /// Flex `transactionID`, unique per account.
    public var id: String
    public var account: AccountID
    public var conid: Int?
    public var symbol: String
    public var description: String
    public var assetClass: AssetClass
    public var currency: Currency
    public var time: Date?
    public var side: OrderSide
    /// Signed: positive bought, negative sold.
    public var quantity: Decimal
    public var price: Decimal
    public var proceeds: Decimal?
    public var commission: Decimal?
    public var netCash: Decimal?
    /// FIFO realized P&L in `currency`; zero on opening trades.
    public var realizedPnl: Decimal?
    /// Base currency units per unit of `currency` on the trade date.
    public var fxRateToBase: Decimal?

    public init(
        id: String, account: AccountID, conid: Int?, symbol: String, description: String = "",
        assetClass: AssetClass, currency: Currency, time: Date?, side: OrderSide, quantity: Decimal,
        price: Decimal, proceeds: Decimal? = nil, commission: Decimal? = nil, netCash: Decimal? = nil,
        realizedPnl: Decimal? = nil, fxRateToBase: Decimal? = nil
    ) {
        self.id = id
        self.account = account
        self.conid = conid
        self.symbol = symbol
        self.description = description
        self.assetClass = assetClass
        self.currency = currency
        self.time = time
        self.side = side
        self.quantity = quantity
        self.price = price
        self.proceeds = proceeds
        self.commission = commission
        self.netCash = netCash
        self.realizedPnl = realizedPnl
        self.fxRateToBase = fxRateToBase
    }

    /// Realized P&L converted into the account's base currency, when the rate is known.
    public var realizedPnlInBase: Decimal? {
        guard let pnl = realizedPnl else { return nil }
        return pnl * (fxRateToBase ?? 1)
    }
}
