import Foundation
import Portfolio

/// One account of `GET /portfolio/accounts` (and `/portfolio/subaccounts`).
public struct PortfolioAccount: Hashable, Sendable {
    public var id: AccountID
    public var displayName: String?
    public var alias: String?
    /// The holder's name.
    public var title: String?
    /// The account's base currency.
    public var currency: Currency
    /// `INDIVIDUAL`, `JOINT`, `DEMO` (paper), …
    public var type: String?
    public var tradingType: String?
    public var isAdvisorClient: Bool?
    public var openedAt: Date?

    public init(_ object: WireObject) throws(WireError) {
        id = AccountID(try object.required(object.string("accountId", "id"), "accountId"))
        displayName = try object.string("displayName")
        alias = try object.string("accountAlias")
        title = try object.string("accountTitle")
        currency = Currency(try object.required(object.string("currency"), "currency"))
        type = try object.string("type")
        tradingType = try object.string("tradingType")
        isAdvisorClient = try object.bool("faclient", "faClient")
        openedAt = try object.int("accountStatus").map(EpochTime.milliseconds)
    }

    public static func decodeList(_ value: JSONValue) throws(WireError) -> [PortfolioAccount] {
        try WireList.decode(value, noun: "account", PortfolioAccount.init)
    }
}
