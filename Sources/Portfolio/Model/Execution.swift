import Foundation

/// One fill from `/iserver/account/trades` (today and the last few days).
public struct Execution: Hashable, Sendable, Identifiable {
    public var id: String
    public var account: AccountID
    public var conid: Int
    public var symbol: String
    public var side: OrderSide
    public var quantity: Decimal
    public var price: Decimal
    public var commission: Decimal?
    public var netAmount: Decimal?
    public var time: Date
    public var orderID: Int?

    public init(
        id: String, account: AccountID, conid: Int, symbol: String, side: OrderSide, quantity: Decimal,
        price: Decimal, commission: Decimal? = nil, netAmount: Decimal? = nil, time: Date, orderID: Int? = nil
    ) {
        self.id = id
        self.account = account
        self.conid = conid
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.price = price
        self.commission = commission
        self.netAmount = netAmount
        self.time = time
        self.orderID = orderID
    }
}
