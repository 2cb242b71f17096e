import Foundation

/// One call to the Client Portal API, relative to the gateway's base URL.
public struct GatewayRequest: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    /// The path under the base URL, e.g. `/portfolio/U1234567/summary`.
    public var path: String
    public var query: [URLQueryItem]
    /// A JSON body for POST; `nil` sends an empty body, still with `Content-Length: 0`.
    public var body: [UInt8]?

    public init(_ method: Method, _ path: String, query: [URLQueryItem] = [], body: [UInt8]? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// The path and query as they go on the wire: `/iserver/marketdata/snapshot?conids=1,2&fields=31`.
    public var target: String {
        guard !query.isEmpty else { return path }
        let pairs = query.map { item in
            Self.escape(item.name, allowing: Self.queryCharacters) + "="
                + Self.escape(item.value ?? "", allowing: Self.queryCharacters)
        }
        return path + "?" + pairs.joined(separator: "&")
    }

    /// One path segment made from outside data (an account id): nothing in it can add a segment or a query.
    public static func pathSegment(_ text: String) -> String {
        escape(text, allowing: unreserved)
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    // Commas stay literal: IBKR's lists (`conids=1,2`, `fields=31,84`) are written that way in every example.
    private static let queryCharacters = unreserved.union(CharacterSet(charactersIn: ","))

    private static func escape(_ text: String, allowing allowed: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
