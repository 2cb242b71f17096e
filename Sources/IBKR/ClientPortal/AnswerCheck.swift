import Foundation
import Portfolio

/// Reads a gateway answer into JSON, or into the `SourceError` its status or body means. IBKR reports some
/// failures in a 200 body (`{"error":"no session"}`), so the body is checked as well as the status.
enum AnswerCheck {
    static func json(from response: GatewayResponse, path: String, address: GatewayAddress) throws(SourceError)
        -> JSONValue
    {
        let parsed = try? JSONValue(parsing: response.body)
        let said = parsed.flatMap(errorText)
        switch response.status {
        case 200..<300:
            if let said { throw bodyError(said, status: response.status, path: path, address: address) }
            if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .null }
            do {
                return try JSONValue(parsing: response.body)
            } catch {
                throw SourceError(.decoding, endpoint: path, message: "the answer is \(error)\(preview(response.body))")
            }
        case 301, 302, 303, 307, 308, 401:
            // The gateway answers 401, or in some setups redirects to its login page.
            if isBrokerageCall(path) { throw brokerageRefused(path: path, said: said) }
            throw notLoggedIn(path: path, address: address, said: said)
        case 429:
            throw SourceError(.rateLimited, endpoint: path, message: "IBKR answered 429 (too many requests)")
        case 400 where said.map(isNoBridge) == true:
            throw brokerageGone(path: path, said: said)
        case 403:
            throw SourceError(
                .server(status: 403), endpoint: path, message: "the gateway refused access" + quoted(said),
                fix: address.isLoopback ? "allow this machine in ips.allow of the gateway's conf.yaml" : nil)
        default:
            throw SourceError(
                .server(status: response.status), endpoint: path,
                message: "HTTP \(response.status)" + quoted(said))
        }
    }

    private static func bodyError(_ said: String, status: Int, path: String, address: GatewayAddress) -> SourceError {
        if said.lowercased().contains("no session") { return notLoggedIn(path: path, address: address, said: said) }
        if isNoBridge(said) { return brokerageGone(path: path, said: said) }
        return SourceError(.server(status: status), endpoint: path, message: "IBKR says \"\(said)\"")
    }

    private static func notLoggedIn(path: String, address: GatewayAddress, said: String?) -> SourceError {
        SourceError(
            .notLoggedIn, endpoint: path, message: "not logged in to the gateway" + quoted(said),
            fix: address.isIBKRWebAPI ? "renew the bearer token" : "log in at \(address.origin)")
    }

    private static func brokerageGone(path: String, said: String?) -> SourceError {
        SourceError(
            .brokerageUnavailable, endpoint: path, message: "no brokerage session" + quoted(said),
            fix: "the gateway reopens it by itself after login; if another platform holds it, log out there")
    }

    /// `/iserver` answers 401 when only the brokerage session is gone as well as when nobody is logged in
    /// (reference §1.4), so its refusal is no proof of a logout: the session check tells which. Its own status
    /// endpoint answers 200 whenever an SSO session exists.
    private static func isBrokerageCall(_ path: String) -> Bool {
        path.hasPrefix("/iserver/") && path != "/iserver/auth/status"
    }

    private static func brokerageRefused(path: String, said: String?) -> SourceError {
        SourceError(
            .brokerageUnavailable, endpoint: path,
            message: "the gateway refused the brokerage call: no brokerage session, or not logged in" + quoted(said),
            fix: "the session check tells which; log in again if it says so")
    }

    private static func isNoBridge(_ text: String) -> Bool { text.lowercased().contains("no bridge") }

    /// A top-level `"error"` string, cleaned for the screen.
    private static func errorText(_ value: JSONValue) -> String? {
        guard case .object(let fields) = value, case .string(let text)? = fields["error"] else { return nil }
        let clean = text.sanitized.trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { return nil }
        return clean.count > 200 ? String(clean.prefix(200)) + "…" : clean
    }

    private static func quoted(_ said: String?) -> String {
        said.map { ": IBKR says \"\($0)\"" } ?? ""
    }

    private static func preview(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(60), as: UTF8.self).sanitized
        return text.isEmpty ? "" : " (it starts with \"\(text)\")"
    }
}
