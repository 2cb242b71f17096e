/// The brokerage-session flags of `POST /iserver/auth/status`, also nested in `/tickle` as `iserver.authStatus`.
public struct AuthStatus: Hashable, Sendable {
    public var authenticated: Bool?
    public var competing: Bool?
    public var connected: Bool?
    public var established: Bool?
    public var message: String?
    /// Why authentication failed, when it did.
    public var fail: String?

    public init(
        authenticated: Bool? = nil, competing: Bool? = nil, connected: Bool? = nil, established: Bool? = nil,
        message: String? = nil, fail: String? = nil
    ) {
        self.authenticated = authenticated
        self.competing = competing
        self.connected = connected
        self.established = established
        self.message = message
        self.fail = fail
    }

    public init(_ object: WireObject) throws(WireError) {
        self.init(
            authenticated: try object.bool("authenticated"), competing: try object.bool("competing"),
            connected: try object.bool("connected"), established: try object.bool("established"),
            message: try object.string("message"), fail: try object.string("fail"))
    }

    public static func decode(_ value: JSONValue) throws(WireError) -> AuthStatus {
        try AuthStatus(WireObject(value, location: ""))
    }
}
