import Foundation

/// One order of `GET /iserver/account/orders`. Quantities come as numbers, prices as strings; either may vary.
public struct OrderRow: Hashable, Sendable {
    public var account: String?
    public var orderID: Int
    public var conid: Int
    public var ticker: String?
    public var description1: String?
    public var description2: String?
    public var companyName: String?
    public var side: String?
    public var orderType: String?
    public var limitPrice: Decimal?
    public var stopPrice: Decimal?
    public var averagePrice: Decimal?
    public var totalSize: Decimal?
    public var filledQuantity: Decimal?
    public var remainingQuantity: Decimal?
    public var status: String?
    public var timeInForce: String?
    public var lastExecution: Date?
    /// Why the system cancelled or rejected it.
    public var cancellationReason: String?
    /// Where the row sat in the answer (`order 2`), for error messages about it.
    public var location: String

    public init(_ object: WireObject) throws(WireError) {
        location = object.location
        account = try object.string("acct", "account")
        orderID = try object.required(object.int("orderId"), "orderId")
        conid = try object.required(object.int("conid"), "conid")
        ticker = try object.string("ticker")
        description1 = try object.string("description1")
        description2 = try object.string("description2")
        companyName = try object.string("companyName")
        side = try object.string("side")
        orderType = try object.string("orderType", "origOrderType")
        limitPrice = try object.decimal("price")
        stopPrice = try object.decimal("auxPrice")
        averagePrice = try object.decimal("avgPrice")
        totalSize = try object.decimal("totalSize")
        filledQuantity = try object.decimal("filledQuantity")
        remainingQuantity = try object.decimal("remainingQuantity")
        status = try object.string("status")
        timeInForce = try object.string("timeInForce")
        lastExecution = try object.int("lastExecutionTime_r").map(EpochTime.milliseconds)
        cancellationReason = try object.string("order_cancellation_by_system_reason")
    }
}
