import Foundation
import Portfolio

/// Where the Client Portal API is served: the local gateway (`https://localhost:5000/v1/api`) or IBKR's own
/// `https://api.ibkr.com/v1/api` for OAuth users.
public struct GatewayAddress: Hashable, Sendable, CustomStringConvertible {
    public var scheme: String
    /// A name or an IP address, IPv6 without brackets.
    public var host: String
    public var port: Int
    /// `/v1/api`, or a longer path ending in it behind a reverse proxy.
    public var basePath: String

    public init(scheme: String = "https", host: String, port: Int, basePath: String = "/v1/api") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// The gateway the Client Portal Gateway package runs by default.
    public static let localGateway = GatewayAddress(host: "localhost", port: 5000)
    /// IBKR's Web API for OAuth 2.0 users, reached with a bearer token.
    public static let ibkrWebAPI = GatewayAddress(host: "api.ibkr.com", port: 443)

    /// Reads `--gateway`: `https://host:port` (the API path is added), `https://host` (port 443) or a full base URL
    /// ending in `/v1/api`. Anything else is refused with a message that says what is accepted.
    public init(parsing text: String) throws(SourceError) {
        let shown = Self.withoutCredentials(text)
        func refuse(_ reason: String) -> SourceError {
            SourceError(
                .configuration, endpoint: "--gateway", message: "cannot use \"\(shown)\": \(reason)",
                fix: "give https://HOST:PORT, for example https://localhost:5000, or a base URL ending in /v1/api")
        }
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)) else {
            throw refuse("it is not a URL")
        }
        guard let scheme = components.scheme?.lowercased() else { throw refuse("it has no https:// in front") }
        guard scheme == "https" else { throw refuse("only https is accepted, the gateway always speaks TLS") }
        guard components.user == nil, components.password == nil else {
            throw refuse("it must not carry a user name or password")
        }
        guard components.query == nil, components.fragment == nil else {
            throw refuse("it must not have a query or fragment")
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw refuse("it has no host") }
        let port = components.port ?? 443
        guard (1...65535).contains(port) else { throw refuse("the port must be between 1 and 65535") }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty {
            path = "/v1/api"
        } else if !path.hasSuffix("/v1/api") {
            throw refuse("the path must be empty or end in /v1/api")
        }
        self.init(scheme: scheme, host: host, port: port, basePath: path)
    }

    /// `text` as it may be shown back: a user name, password, query or fragment can hold a credential pasted there
    /// by mistake, so each is cut to `…`.
    static func withoutCredentials(_ text: String) -> String {
        var shown = text
        if let end = shown.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            shown = String(shown[..<end]) + String(shown[end]) + "…"
        }
        let afterScheme = shown.range(of: "://")?.upperBound ?? shown.startIndex
        let authorityEnd = shown[afterScheme...].firstIndex(of: "/") ?? shown.endIndex
        if let at = shown[afterScheme..<authorityEnd].lastIndex(of: "@") {
            shown.replaceSubrange(afterScheme...at, with: "…@")
        }
        return shown.sanitized
    }

    /// The host as it goes into a URL: IPv6 addresses in brackets.
    public var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    /// `https://localhost:5000`: where the user logs in to the gateway.
    public var origin: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(urlHost)" : "\(scheme)://\(urlHost):\(port)"
    }

    public var baseURL: String { origin + basePath }

    /// For the status line: `localhost:5000`, `api.ibkr.com`.
    public var displayName: String { port == 443 ? urlHost : "\(urlHost):\(port)" }

    public var description: String { baseURL }

    /// IBKR's own servers (`api.ibkr.com`, `1.api.ibkr.com`, …), where requests need a bearer token.
    public var isIBKRWebAPI: Bool {
        let name = host.lowercased()
        return name == "api.ibkr.com" || name.hasSuffix(".api.ibkr.com")
    }

    /// `localhost`, 127.0.0.0/8 or ::1: the machine itself, where the gateway's self-signed certificate is expected.
    public var isLoopback: Bool { Self.isLoopback(host: host) }

    public static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes == Array(repeating: 0, count: 15) + [1] { return true }
            // ::ffff:127.x.y.z, an IPv4 loopback address written as IPv6.
            return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        }
        return false
    }
}
