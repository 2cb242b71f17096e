import Foundation

/// One open tax lot of a position, from the Flex statement's LOT rows.
public struct Lot: Hashable, Sendable {
    public var account: AccountID
    public var conid: Int?
    public var symbol: String
    public var currency: Currency
    public var quantity: Decimal
    public var openDate: Date?
    /// Cost per unit (Flex `costBasisPrice`).
    public var costPrice: Decimal?
    public var costBasis: Decimal?
    public var markPrice: Decimal?
    public var marketValue: Decimal?
    public var unrealizedPnl: Decimal?

    public init(
        account: AccountID, conid: Int?, symbol: String, currency: Currency, quantity: Decimal,
        openDate: Date? = nil, costPrice: Decimal? = nil, costBasis: Decimal? = nil, markPrice: Decimal? = nil,
        marketValue: Decimal? = nil, unrealizedPnl: Decimal? = nil
    ) {
        self.account = account
        self.conid = conid
        self.symbol = symbol
        self.currency = currency
        self.quantity = quantity
        self.openDate = openDate
        self.costPrice = costPrice
        self.costBasis = costBasis
        self.markPrice = markPrice
        self.marketValue = marketValue
        self.unrealizedPnl = unrealizedPnl
    }
}
