/// At most `limit` requests in any window of length `window`.
public struct PacingRule: Hashable, Sendable {
    public var limit: Int
    public var window: Duration

    public init(_ limit: Int, per window: Duration) {
        self.limit = max(1, limit)
        self.window = window
    }
}

/// IBKR's pacing limits and how the budget backs off when IBKR says 429 anyway.
public struct PacingPolicy: Hashable, Sendable {
    /// Every request counts against this one.
    public var overall: PacingRule
    /// Further limits by endpoint, keyed by path template (`/iserver/account/orders`).
    public var endpoints: [String: PacingRule]
    /// Added to every window: the gateway sees our requests a little earlier or later than we send them.
    public var margin: Duration
    /// The first backoff of an endpoint after a 429; each further one in a row doubles, up to `backoffCap`.
    public var backoffStart: Duration
    public var backoffCap: Duration
    /// This many backoff episodes (any endpoints) within `penaltyWindow` mean IBKR's penalty box.
    public var penaltyStrikes: Int
    public var penaltyWindow: Duration
    /// IBKR keeps an IP in its penalty box for 10 to 15 minutes; everything waits out the longer one.
    public var penaltyDuration: Duration

    public init(
        overall: PacingRule, endpoints: [String: PacingRule], margin: Duration = .milliseconds(200),
        backoffStart: Duration = .seconds(15), backoffCap: Duration = .seconds(300), penaltyStrikes: Int = 3,
        penaltyWindow: Duration = .seconds(60), penaltyDuration: Duration = .seconds(900)
    ) {
        self.overall = overall
        self.endpoints = endpoints
        self.margin = margin
        self.backoffStart = backoffStart
        self.backoffCap = backoffCap
        self.penaltyStrikes = penaltyStrikes
        self.penaltyWindow = penaltyWindow
        self.penaltyDuration = penaltyDuration
    }

    /// The limits IBKR documents for the Client Portal Gateway.
    public static let clientPortal = PacingPolicy(
        overall: PacingRule(10, per: .seconds(1)),
        endpoints: [
            "/portfolio/accounts": PacingRule(1, per: .seconds(5)),
            "/portfolio/subaccounts": PacingRule(1, per: .seconds(5)),
            "/iserver/account/pnl/partitioned": PacingRule(1, per: .seconds(5)),
            "/iserver/account/orders": PacingRule(1, per: .seconds(5)),
            "/iserver/account/trades": PacingRule(1, per: .seconds(5)),
            "/tickle": PacingRule(1, per: .seconds(1)),
            "/sso/validate": PacingRule(1, per: .seconds(60)),
        ])

    /// The rules a request to `key` must fit, by rule name (`*` for the overall limit).
    func rules(for key: String) -> [String: PacingRule] {
        var rules = ["*": overall]
        if let rule = endpoints[key] { rules[key] = rule }
        return rules
    }
}
