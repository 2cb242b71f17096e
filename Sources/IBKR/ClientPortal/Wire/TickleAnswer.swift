/// `POST /tickle`: the keep-alive, the SSO session and, when there is one, the brokerage session's flags.
public struct TickleAnswer: Hashable, Sendable {
    /// The gateway's session id; a new one means a new login.
    public var session: String?
    /// Milliseconds until the SSO session expires when idle.
    public var ssoExpiresMilliseconds: Int?
    /// IBKR spells it `collission`.
    public var collision: Bool?
    public var userID: Int?
    /// Missing or empty when there is no brokerage session.
    public var authStatus: AuthStatus?

    public init(
        session: String? = nil, ssoExpiresMilliseconds: Int? = nil, collision: Bool? = nil, userID: Int? = nil,
        authStatus: AuthStatus? = nil
    ) {
        self.session = session
        self.ssoExpiresMilliseconds = ssoExpiresMilliseconds
        self.collision = collision
        self.userID = userID
        self.authStatus = authStatus
    }

    public static func decode(_ value: JSONValue) throws(WireError) -> TickleAnswer {
        let object = try WireObject(value, location: "")
        var authStatus: AuthStatus?
        if let status = try object.object("iserver")?.object("authStatus"), !status.fields.isEmpty {
            authStatus = try AuthStatus(status)
        }
        return TickleAnswer(
            session: try object.string("session"), ssoExpiresMilliseconds: try object.int("ssoExpires"),
            collision: try object.bool("collission", "collision"), userID: try object.int("userId"),
            authStatus: authStatus)
    }
}
