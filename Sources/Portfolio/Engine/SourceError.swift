/// Why a fetch failed, in terms the engine can act on and the alert log can show.
///
/// Messages never contain secrets (tokens, full Flex URLs) and are free of control characters.
public struct SourceError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Connection refused, DNS, TLS handshake: the gateway cannot be reached.
        case unreachable
        /// No answer within the request timeout.
        case timeout
        /// 401: nobody is logged in to the gateway.
        case notLoggedIn
        /// `/iserver` needs a brokerage session that is not there (read-only or competing).
        case brokerageUnavailable
        /// 429 on one endpoint.
        case rateLimited
        /// Repeated 429s: IBKR has put this IP in its penalty box; everything backs off.
        case penaltyBox
        /// The body could not be read (malformed, truncated, a field of the wrong type).
        case decoding
        /// Any other HTTP status.
        case server(status: Int)
        /// A Flex Web Service error code; permanent ones need the user to act.
        case flex(code: Int, permanent: Bool)
        /// Something the user must fix in the configuration (a token file readable by others, …).
        case configuration
    }

    public var kind: Kind
    /// What was being fetched, e.g. `/portfolio/U1234567/summary` or `Flex GetStatement`.
    public var endpoint: String
    public var message: String
    /// A human fix, when there is one ("log in at https://localhost:5000").
    public var fix: String?

    public init(_ kind: Kind, endpoint: String, message: String, fix: String? = nil) {
        self.kind = kind
        self.endpoint = endpoint
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var text = "\(endpoint): \(message)"
        if let fix { text += " — \(fix)" }
        return text
    }
}
