import Foundation

/// `/tickle`, `/iserver/auth/status`, `/sso/validate`, `/logout` and re-authentication (reference §4.1–4.5).
extension GatewayEngine {
    static let serverInfo: JSONValue = .object([
        ("serverName", .string("JifSim01")), ("serverVersion", .string("Build 10.30.1f, Aug 12, 2025 4:02:11 PM")),
    ])
    static let macAddress = "5E:1A:7E:00:00:01"

    func tickle(at now: Date) -> SimResponse {
        guard session.hasSSO else {
            switch switches.noSessionTickle {
            case .unauthorized: return .unauthorized
            case .errorBody: return SimResponse(json: .object([("error", .string("no session"))]))
            }
        }
        let remaining = session.ssoRemaining(at: now, idleTimeout: switches.idleTimeout)
        session.touch(at: now)
        return SimResponse(
            json: .object([
                ("session", .string(session.sessionID)),
                ("ssoExpires", .int(remaining)),
                ("collission", .bool(false)),
                ("userId", .int(session.userID)),
                ("hmds", .object([("error", .string("no bridge"))])),
                ("iserver", .object([("authStatus", authStatus())])),
            ]))
    }

    func authStatus() -> JSONValue {
        let state = session.state
        var members: [(String, JSONValue)] = [
            ("authenticated", .bool(state == .brokerage)),
            ("competing", .bool(state == .competing)),
            ("connected", .bool(true)),
        ]
        if state == .brokerage { members.append(("established", .bool(true))) }
        members += [
            ("message", .string("")),
            ("MAC", .string(Self.macAddress)),
            ("serverInfo", state == .brokerage ? Self.serverInfo : .object([("serverName", .null), ("serverVersion", .null)])),
            ("hardware_info", .string("5e1a7e01|" + Self.macAddress)),
            ("fail", .string("")),
        ]
        return .object(members)
    }

    func validate(remaining: Int, at now: Date) -> SimResponse {
        let paper = accounts.first?.isPaper ?? false
        return SimResponse(
            json: .object([
                ("USER_ID", .int(session.userID)),
                ("USER_NAME", .string("simuser1")),
                ("RESULT", .bool(true)),
                ("AUTH_TIME", .int(WireTime.milliseconds(session.loggedInAt))),
                ("SF_ENABLED", .bool(false)),
                ("IS_FREE_TRIAL", .bool(false)),
                ("CREDENTIAL", .string("simuser1")),
                ("IP", .string("10.1.2.3")),
                ("EXPIRES", .int(remaining)),
                ("QUALIFIED_FOR_MOBILE_AUTH", .null),
                ("LANDING_APP", .string("UNIVERSAL")),
                ("IS_MASTER", .bool(false)),
                ("lastAccessed", .int(WireTime.milliseconds(now))),
                ("LOGIN_TYPE", .int(paper ? 2 : 1)),
                ("PAPER_USER_NAME", .string("simuser1p")),
                ("features", .object([
                    ("env", .string("PROD")), ("wlms", .bool(true)), ("realtime", .bool(true)), ("bond", .bool(true)),
                    ("optionChains", .bool(true)), ("calendar", .bool(true)), ("newMf", .bool(true)),
                ])),
                ("region", .string("NJ")),
            ]))
    }

    func logout(at now: Date) -> SimResponse {
        session.set(.noSession, at: now)
        return SimResponse(json: .object([("status", .bool(true))]))
    }

    /// Re-opens a brokerage session that timed out, after a delay. It does not take one back from another
    /// platform: that takes `ssodh/init` with `compete: true`.
    func reauthenticate(at now: Date) -> SimResponse {
        if session.state == .readOnly {
            session.scheduleReauthentication(at: now.addingTimeInterval(switches.reauthenticationDelay.seconds))
        }
        return SimResponse(json: .object([("message", .string("triggered"))]))
    }

    /// `{"publish":true,"compete":true}` opens the brokerage session at once; without `publish` it is a 500.
    func ssodhInit(_ request: SimRequest, at now: Date) -> SimResponse {
        let body = request.jsonObject
        guard (try? body?.optionalBool("publish")) == true else {
            return SimResponse(status: 500, json: .object([("error", .string("publish must be true"))]))
        }
        let compete = (try? body?.optionalBool("compete")) == true
        if session.state == .readOnly || (session.state == .competing && compete) {
            session.set(.brokerage, at: now)
        }
        return SimResponse(json: authStatus())
    }
}
