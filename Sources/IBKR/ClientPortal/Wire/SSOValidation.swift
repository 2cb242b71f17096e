import Foundation

/// `GET /sso/validate`: whether the SSO session is valid, and whether it is a paper login.
public struct SSOValidation: Hashable, Sendable {
    public var userID: Int?
    public var userName: String?
    public var valid: Bool?
    /// Milliseconds until the SSO session expires.
    public var expiresMilliseconds: Int?
    /// 1 live, 2 paper (`LOGIN_TYPE`, spelled `loginType` in IBKR's spec).
    public var loginType: Int?
    public var authenticatedAt: Date?

    public var isPaper: Bool? { loginType.map { $0 == 2 } }

    public static func decode(_ value: JSONValue) throws(WireError) -> SSOValidation {
        let object = try WireObject(value, location: "")
        return SSOValidation(
            userID: try object.int("USER_ID"), userName: try object.string("USER_NAME"),
            valid: try object.bool("RESULT"), expiresMilliseconds: try object.int("EXPIRES"),
            loginType: try object.int("LOGIN_TYPE", "loginType"),
            authenticatedAt: try object.int("AUTH_TIME").map(EpochTime.milliseconds))
    }
}
