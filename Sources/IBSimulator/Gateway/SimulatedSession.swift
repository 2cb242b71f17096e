/// What the gateway's login looks like to a client (reference §1.4). "Gateway down" is not a session state:
/// the simulator stops listening instead, so that connections are really refused.
public enum SimulatedSession: String, Sendable, CaseIterable, Codable {
    /// The gateway runs but nobody is logged in: `/tickle` and everything else answer 401.
    case noSession
    /// SSO session only: `/portfolio/*` works, `/iserver/*` does not.
    case readOnly
    /// Logged in with a brokerage session: everything works.
    case brokerage
    /// Another platform holds the brokerage session: `competing: true`, `/iserver/accounts` is `{}`.
    case competing
}
