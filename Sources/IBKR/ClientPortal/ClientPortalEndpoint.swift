import Foundation
import Portfolio

/// One Client Portal API call, with the path template its pacing and backoff are kept by.
public struct ClientPortalEndpoint: Hashable, Sendable {
    public var request: GatewayRequest
    /// e.g. `/portfolio/{accountId}/summary`: a 429 on one account's summary pauses every account's.
    public var template: String

    public init(_ request: GatewayRequest, template: String) {
        self.request = request
        self.template = template
    }

    public var path: String { request.path }

    public static let tickle = fixed(.post, "/tickle")
    public static let authStatus = fixed(.post, "/iserver/auth/status")
    public static let ssoValidate = fixed(.get, "/sso/validate")
    public static let portfolioAccounts = fixed(.get, "/portfolio/accounts")
    public static let subaccounts = fixed(.get, "/portfolio/subaccounts")
    public static let brokerageAccounts = fixed(.get, "/iserver/accounts")
    public static let partitionedPnL = fixed(.get, "/iserver/account/pnl/partitioned")
    /// Reopens a brokerage session that timed out; unlike `ssodh/init` with `compete`, it takes none from another
    /// platform (reference §4.4).
    public static let reauthenticate = fixed(.post, "/iserver/reauthenticate")

    /// `POST /iserver/account {"acctId": …}`: the account orders, trades and P&L follow.
    public static func selectAccount(_ account: AccountID) -> ClientPortalEndpoint {
        let body = "{\"acctId\":\(jsonString(account.rawValue))}"
        return ClientPortalEndpoint(
            GatewayRequest(.post, "/iserver/account", body: Array(body.utf8)), template: "/iserver/account")
    }

    public static func summary(_ account: AccountID) -> ClientPortalEndpoint {
        ClientPortalEndpoint(
            GatewayRequest(.get, "/portfolio/\(segment(account))/summary"), template: "/portfolio/{accountId}/summary")
    }

    public static func ledger(_ account: AccountID) -> ClientPortalEndpoint {
        ClientPortalEndpoint(
            GatewayRequest(.get, "/portfolio/\(segment(account))/ledger"), template: "/portfolio/{accountId}/ledger")
    }

    public static func positions(_ account: AccountID, page: Int) -> ClientPortalEndpoint {
        ClientPortalEndpoint(
            GatewayRequest(.get, "/portfolio/\(segment(account))/positions/\(page)"),
            template: "/portfolio/{accountId}/positions/{pageId}")
    }

    public static func invalidatePositions(_ account: AccountID) -> ClientPortalEndpoint {
        ClientPortalEndpoint(
            GatewayRequest(.post, "/portfolio/\(segment(account))/positions/invalidate"),
            template: "/portfolio/{accountId}/positions/invalidate")
    }

    /// `force` clears IBKR's cached list; that answer is always empty.
    public static func orders(account: AccountID?, force: Bool = false) -> ClientPortalEndpoint {
        var query: [URLQueryItem] = []
        if let account { query.append(URLQueryItem(name: "accountId", value: account.rawValue)) }
        if force { query.append(URLQueryItem(name: "force", value: "true")) }
        return ClientPortalEndpoint(
            GatewayRequest(.get, "/iserver/account/orders", query: query), template: "/iserver/account/orders")
    }

    /// Executions of today and the `days - 1` days before it (IBKR accepts 1 to 7).
    public static func trades(days: Int, account: AccountID?) -> ClientPortalEndpoint {
        var query = [URLQueryItem(name: "days", value: String(min(7, max(1, days))))]
        if let account { query.append(URLQueryItem(name: "accountId", value: account.rawValue)) }
        return ClientPortalEndpoint(
            GatewayRequest(.get, "/iserver/account/trades", query: query), template: "/iserver/account/trades")
    }

    /// At most 100 conids and 50 fields per call (IBKR's limits); callers split longer lists.
    public static func snapshot(conids: [Int], fields: [String]) -> ClientPortalEndpoint {
        let query = [
            URLQueryItem(name: "conids", value: conids.map(String.init).joined(separator: ",")),
            URLQueryItem(name: "fields", value: fields.joined(separator: ",")),
        ]
        return ClientPortalEndpoint(
            GatewayRequest(.get, "/iserver/marketdata/snapshot", query: query), template: "/iserver/marketdata/snapshot")
    }

    private static func fixed(_ method: GatewayRequest.Method, _ path: String) -> ClientPortalEndpoint {
        ClientPortalEndpoint(GatewayRequest(method, path), template: path)
    }

    /// Account ids come from the network: escaped so that one cannot change the path.
    private static func segment(_ account: AccountID) -> String {
        GatewayRequest.pathSegment(account.rawValue)
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
