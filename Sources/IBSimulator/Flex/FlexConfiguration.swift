import Foundation

/// How the simulated Flex Web Service starts: its tokens, queries and behaviours.
public struct FlexConfiguration: Sendable {
    public var tokens = [FlexToken(value: FlexToken.defaultValue)]
    public var queries = [FlexQuery.dashboard(id: "100001"), .isoDates(id: "100002"), .legacy(id: "100003")]
    public var switches = FlexSwitches()
    /// A reference code answers 1017 once it is older than this.
    public var referenceLifetime = Duration.seconds(3_600)
    /// The host name SendRequest's `<Url>` names for GetStatement, as IBKR names a second host; `nil` keeps the
    /// API's host.
    public var statementHost: String?
    /// The service's own clock, for tokens, references, pacing and generation delays; tests move it by hand.
    public var clock: @Sendable () -> Date = { Date() }

    public init() {}
}
