import Foundation

/// The state of the gateway session as the status line shows it.
public enum SessionState: Hashable, Sendable {
    /// Nothing known yet: the first tickle has not answered.
    case connecting
    /// The gateway does not answer (connection refused, timeout, TLS failure).
    case unreachable
    /// The gateway answers but nobody is logged in: log in through the browser.
    case notLoggedIn
    /// SSO session only: `/portfolio/*` works, `/iserver/*` does not.
    case readOnly
    /// Brokerage session open: everything works.
    case authenticated
    /// Another platform (TWS, mobile) holds the brokerage session: `/iserver/*` does not work.
    case competing

    /// Whether `/iserver/*` endpoints (P&L, orders, trades, quotes) can be called.
    public var allowsBrokerage: Bool { self == .authenticated }
    /// Whether `/portfolio/*` endpoints (summary, ledger, positions) can be called.
    public var allowsPortfolio: Bool { self == .authenticated || self == .readOnly || self == .competing }

    public var words: String {
        switch self {
        case .connecting: "connecting"
        case .unreachable: "unreachable"
        case .notLoggedIn: "not logged in"
        case .readOnly: "read-only"
        case .authenticated: "authenticated"
        case .competing: "competing session"
        }
    }
}

/// What one tickle learned about the session.
public struct SessionStatus: Hashable, Sendable {
    public var state: SessionState
    /// Human detail from the gateway (`fail`, `message`), already free of control characters.
    public var message: String?
    /// How long until the SSO session expires when idle.
    public var expiresIn: Duration?

    public init(state: SessionState, message: String? = nil, expiresIn: Duration? = nil) {
        self.state = state
        self.message = message
        self.expiresIn = expiresIn
    }
}
