import Foundation

/// One execution of `GET /iserver/account/trades`.
public struct TradeRow: Hashable, Sendable {
    public var executionID: String
    public var account: String?
    public var conid: Int
    public var symbol: String?
    /// `B` or `S` (also `X` expired, `N` netting).
    public var side: String?
    public var size: Decimal
    public var price: Decimal
    public var commission: Decimal?
    public var netAmount: Decimal?
    public var time: Date
    public var orderID: Int?

    public init(_ object: WireObject) throws(WireError) {
        executionID = try object.required(object.string("execution_id"), "execution_id")
        account = try object.string("account", "accountCode")
        conid = try object.required(object.int("conid"), "conid")
        symbol = try object.string("symbol")
        side = try object.string("side")
        size = try object.required(object.decimal("size"), "size")
        price = try object.required(object.decimal("price"), "price")
        commission = try object.decimal("commission")
        netAmount = try object.decimal("net_amount")
        if let milliseconds = try object.int("trade_time_r") {
            time = EpochTime.milliseconds(milliseconds)
        } else if let text = try object.string("trade_time") {
            guard let parsed = Self.parseTradeTime(text) else {
                throw .unexpected(
                    .string(text), expected: "a time like 20250819-13:55:12", location: object.location,
                    field: "trade_time")
            }
            time = parsed
        } else {
            throw WireError(location: object.location, field: "trade_time_r", problem: "missing")
        }
        orderID = try object.int("order_id")
    }

    public static func decodeList(_ value: JSONValue) throws(WireError) -> [TradeRow] {
        try WireList.decode(value, noun: "trade", TradeRow.init)
    }

    /// `YYYYMMDD-hh:mm:ss` in UTC.
    static func parseTradeTime(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HH:mm:ss"
        return formatter.date(from: text)
    }
}
