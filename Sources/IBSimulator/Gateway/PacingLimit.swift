/// A rate limit of reference §3: `burst` requests at once, then one per `interval`.
struct PacingLimit: Sendable {
    let interval: Duration
    let burst: Int

    static func perSecond(_ count: Int) -> PacingLimit { PacingLimit(interval: .seconds(1) / count, burst: count) }

    static func oneEvery(_ interval: Duration) -> PacingLimit { PacingLimit(interval: interval, burst: 1) }

    /// The gateway's limit on everything together.
    static let global = PacingLimit.perSecond(10)

    /// The endpoint's own limit, by route template; `nil` when only the global limit applies.
    static func forEndpoint(_ template: String) -> PacingLimit? {
        switch template {
        case "POST /tickle": .oneEvery(.seconds(1))
        case "GET /sso/validate": .oneEvery(.seconds(60))
        case "GET /portfolio/accounts", "GET /portfolio/subaccounts", "GET /iserver/account/pnl/partitioned",
            "GET /iserver/account/orders", "GET /iserver/account/trades":
            .oneEvery(.seconds(5))
        case "GET /iserver/marketdata/snapshot": .perSecond(10)
        default: nil
        }
    }
}
