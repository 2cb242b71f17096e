import Foundation

/// One value of `GET /portfolio/{accountId}/summary`: money in `amount`, ratios and text in `value`.
public struct SummaryMetric: Hashable, Sendable {
    public var amount: Decimal?
    public var currency: String?
    /// The metric does not exist (distinct from zero); IBKR's docs once spell it `isNone`.
    public var isNull: Bool
    public var timestamp: Date?
    /// Text, ratios (`"0.862470"`), epoch seconds; `nil` for IBKR's literal `"null"`.
    public var value: String?
    /// Where this metric sits, for error messages about its `value`.
    public var location: String

    public init(_ object: WireObject) throws(WireError) {
        amount = try object.decimal("amount")
        currency = try object.string("currency")
        isNull = try object.bool("isNull", "isNone") ?? false
        timestamp = try object.int("timestamp").map(EpochTime.milliseconds)
        value = try object.string("value")
        location = object.location
    }

    /// `value` as a number (cushion, leverage), or `nil` when the metric is null.
    public func number() throws(WireError) -> Decimal? {
        guard !isNull, let value else { return nil }
        guard let number = LenientNumber.decimal(value) else {
            throw .unexpected(.string(value), expected: "a number", location: location, field: "value")
        }
        return number
    }

    /// `amount`, or `nil` when the metric is null.
    public var money: Decimal? { isNull ? nil : amount }
}
