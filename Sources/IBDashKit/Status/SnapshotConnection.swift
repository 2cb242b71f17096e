import Portfolio

/// Which gateway the numbers come through, and the state of its session.
public struct SnapshotConnection: Codable, Hashable, Sendable {
    /// e.g. `localhost:5000`.
    @Sanitized public var gateway: String
    public var session: SessionCode
    /// The gateway's own words about the session, when it said any.
    @Sanitized public var sessionMessage: String?
    /// The dashboard runs on the built-in simulator, not on a real account.
    public var demo: Bool
    /// TLS certificate checks are off (`--insecure`).
    public var tlsInsecure: Bool

    public init(gateway: String, session: SessionCode, sessionMessage: String?, demo: Bool, tlsInsecure: Bool) {
        self.gateway = gateway
        self.session = session
        self.sessionMessage = sessionMessage
        self.demo = demo
        self.tlsInsecure = tlsInsecure
    }

    public init(_ info: ConnectionInfo) {
        self.init(
            gateway: info.gateway, session: SessionCode(info.session), sessionMessage: info.sessionMessage,
            demo: info.isDemo, tlsInsecure: info.tlsInsecure)
    }
}
