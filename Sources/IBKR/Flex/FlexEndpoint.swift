import Foundation
import Portfolio

/// Where the Flex Web Service is: the base URL in front of `/SendRequest`. IBKR's own by default; `--flex-endpoint`
/// (or config `flex.endpoint`) points it elsewhere, e.g. at the simulator.
///
/// The same value decides which GetStatement URL a SendRequest answer may send the token to.
public struct FlexEndpoint: Hashable, Sendable, CustomStringConvertible {
    public let address: GatewayAddress

    public static let defaultPath = "/AccountManagement/FlexWebService"

    /// `https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService`.
    public static let ibkr = FlexEndpoint(
        address: GatewayAddress(host: "ndcdyn.interactivebrokers.com", port: 443, basePath: defaultPath))

    init(address: GatewayAddress) {
        self.address = address
    }

    /// Reads `--flex-endpoint`: `https://HOST[:PORT][/PATH]`, or `http://` for a loopback host only. An empty path
    /// means `/AccountManagement/FlexWebService`; a pasted `…/SendRequest` is taken back to the base.
    public init(parsing text: String, option: String = "--flex-endpoint") throws(SourceError) {
        let shown = String(text.sanitized.prefix(200))
        func refuse(_ reason: String) -> SourceError {
            SourceError(
                .configuration, endpoint: option, message: "cannot use \"\(shown)\": \(reason)",
                fix: "give the service's base URL, for example https://ndcdyn.interactivebrokers.com\(Self.defaultPath)")
        }
        guard let url = FlexURL(text.trimmingCharacters(in: .whitespaces)) else { throw refuse("it is not a URL") }
        if let problem = url.problem { throw refuse(problem) }
        guard url.scheme == "https" || (url.scheme == "http" && GatewayAddress.isLoopback(host: url.host)) else {
            throw refuse(
                url.scheme == "http"
                    ? "plain http is accepted only for this machine (localhost, 127.0.0.1, ::1): the URL carries the token"
                    : "only https is accepted")
        }
        var path = url.path
        if path.hasSuffix("/SendRequest") { path.removeLast("/SendRequest".count) }
        while path.hasSuffix("/") { path.removeLast() }
        self.init(
            address: GatewayAddress(
                scheme: url.scheme, host: url.host, port: url.port, basePath: path.isEmpty ? Self.defaultPath : path))
    }

    /// Where SendRequest goes.
    public var sendRequestAddress: GatewayAddress { address.appending("/SendRequest") }

    /// Where GetStatement goes when SendRequest names no `<Url>`.
    public var statementAddress: GatewayAddress { address.appending("/GetStatement") }

    /// The GetStatement `<Url>` of a SendRequest answer, if the token may go there: HTTPS on `*.interactivebrokers.com`,
    /// or this endpoint's own host (over its own scheme, which is http only on loopback).
    public func statementAddress(following text: String) throws(SourceError) -> GatewayAddress {
        let shown = String(text.sanitized.prefix(120))
        func refuse(_ reason: String) -> SourceError {
            SourceError(
                .decoding, endpoint: "Flex SendRequest",
                message: "the answer points GetStatement at \"\(shown)\", which is not followed: \(reason)",
                fix: "check --flex-endpoint; ibdash sends the token only to IBKR's servers or the endpoint's own host")
        }
        guard let url = FlexURL(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw refuse("it is not a URL")
        }
        if let problem = url.problem { throw refuse(problem) }
        let ownHost = url.host.lowercased() == address.host.lowercased()
        let allowed =
            (url.scheme == "https" && (url.isOnIBKR || ownHost)) || (ownHost && url.scheme == address.scheme)
        guard allowed else {
            throw refuse(
                url.scheme == "https" ? "the host is neither *.interactivebrokers.com nor \(address.urlHost)"
                    : "it is not https")
        }
        return GatewayAddress(scheme: url.scheme, host: url.host, port: url.port, basePath: url.path)
    }

    public var description: String { address.baseURL }
}

extension GatewayAddress {
    fileprivate func appending(_ path: String) -> GatewayAddress {
        GatewayAddress(scheme: scheme, host: host, port: port, basePath: basePath + path)
    }
}

/// The parts of a URL the Flex endpoint rules look at, with the problems that rule a URL out.
private struct FlexURL {
    var scheme: String
    var host: String
    var port: Int
    var path: String
    var problem: String?

    init?(_ text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return nil
        }
        self.scheme = scheme
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host.removeLast() }
        self.host = host
        port = components.port ?? (scheme == "http" ? 80 : 443)
        path = components.percentEncodedPath
        if host.isEmpty {
            problem = "it has no host"
        } else if components.user != nil || components.password != nil {
            problem = "it must not carry a user name or password"
        } else if components.query != nil || components.fragment != nil {
            problem = "it must not have a query or fragment"
        } else if !(1...65535).contains(port) {
            problem = "the port must be between 1 and 65535"
        }
    }

    var isOnIBKR: Bool {
        let name = host.lowercased()
        return name == "interactivebrokers.com" || name.hasSuffix(".interactivebrokers.com")
    }
}
