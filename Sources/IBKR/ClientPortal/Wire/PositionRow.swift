import Foundation

/// One row of `GET /portfolio/{accountId}/positions/{pageId}`: amounts in the instrument's currency.
///
/// IBKR sometimes sends a row without its contract definition ("no secdef": no ticker, no exchange, null
/// multiplier); `hasContractDefinition` tells, so the contract can come from an earlier row of the same conid.
public struct PositionRow: Hashable, Sendable {
    public var account: String?
    public var conid: Int
    public var contractDescription: String?
    public var quantity: Decimal
    public var marketPrice: Decimal?
    public var marketValue: Decimal?
    public var currency: String?
    public var averageCost: Decimal?
    public var averagePrice: Decimal?
    public var unrealizedPnl: Decimal?
    public var realizedPnl: Decimal?
    public var assetClass: String?
    public var ticker: String?
    public var name: String?
    public var fullName: String?
    public var listingExchange: String?
    public var sector: String?
    /// 0 or null for stocks, which means 1.
    public var multiplier: Decimal?
    /// `"0"` or `0.0` for anything but options and futures options.
    public var strike: Decimal?
    public var putOrCall: String?
    public var expiry: String?
    public var underlyingSymbol: String?
    /// Where the row sat in the answer (`order 2`), for error messages about it.
    public var location: String

    public var hasContractDefinition: Bool { ticker != nil }

    public init(_ object: WireObject) throws(WireError) {
        location = object.location
        account = try object.string("acctId")
        conid = try object.required(object.int("conid"), "conid")
        contractDescription = try object.string("contractDesc")
        quantity = try object.required(object.decimal("position"), "position")
        marketPrice = try object.decimal("mktPrice")
        marketValue = try object.decimal("mktValue")
        currency = try object.string("currency")
        averageCost = try object.decimal("avgCost")
        averagePrice = try object.decimal("avgPrice")
        unrealizedPnl = try object.decimal("unrealizedPnl")
        realizedPnl = try object.decimal("realizedPnl")
        assetClass = try object.string("assetClass")
        ticker = try object.string("ticker")
        name = try object.string("name")
        fullName = try object.string("fullName")
        listingExchange = try object.string("listingExchange")
        sector = try object.string("sector")
        multiplier = try object.decimal("multiplier")
        strike = try object.decimal("strike")
        putOrCall = try object.string("putOrCall")
        expiry = try object.string("expiry")
        underlyingSymbol = try object.string("undSym")
    }

    public static func decodePage(_ value: JSONValue) throws(WireError) -> [PositionRow] {
        try WireList.decode(value, noun: "position", PositionRow.init)
    }
}
