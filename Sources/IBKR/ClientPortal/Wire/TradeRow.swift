import Foundation
import Portfolio

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

    /// `YYYYMMDD-hh:mm:ss` in UTC; nil unless every field is there, in range and a real day.
    static func parseTradeTime(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 17, bytes[8] == UInt8(ascii: "-"), bytes[11] == UInt8(ascii: ":"),
            bytes[14] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte &- UInt8(ascii: "0") < 10 else { return nil }
                value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(12..<14), let second = number(15..<17),
            let date = CivilDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 60
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(date.daysSince1970 * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
