import Foundation

/// Everything `GatewaySimulator` can be set up with. The defaults behave like a real gateway on a trading day.
public struct SimulatorConfiguration: Sendable {
    /// Where the API listens; loopback unless the caller wants otherwise.
    public var host = "127.0.0.1"
    /// The API port; 0 picks a free one (kept across gateway down/up).
    public var port = 5000
    /// The control listener's port on 127.0.0.1; 0 picks a free one.
    public var controlPort = 0
    /// HTTPS with a self-signed certificate made at start, as the real gateway does.
    public var tls = false
    public var accounts = 3
    public var positionsPerAccount = 12
    public var seed: UInt64 = 1
    /// Business days of history behind today (trades, dividends, NAV closes).
    public var historyDays = 260
    public var initialSession = SimulatedSession.brokerage
    public var switches = GatewaySwitches()
    /// How often the price walk takes a step; orders move on the same clock.
    public var priceTick = Duration.seconds(1)
    /// Standard deviation of one step of the walk, as a fraction of the price.
    public var volatilityPerTick = 0.0003
    public var marketHours = MarketHours.exchange
    /// Chance per tick that a new order appears in one of the accounts.
    public var orderActivity = 0.02
    public var eurInUSD = Decimal(108) / 100
    /// The Flex Web Service on the same listener.
    public var flex = FlexConfiguration()

    public init() {}
}

/// The behaviours that can also be switched while the simulator runs (control command `settings`).
public struct GatewaySwitches: Sendable, Hashable {
    /// How `/tickle` answers when nobody is logged in.
    public enum NoSessionTickle: String, Sendable, Hashable, CaseIterable {
        /// HTTP 401.
        case unauthorized
        /// HTTP 200 with `{"error":"no session"}`.
        case errorBody
    }

    /// How `/iserver/*` refuses without a brokerage session.
    public enum BrokerageRefusal: String, Sendable, Hashable, CaseIterable {
        /// HTTP 401.
        case unauthorized
        /// HTTP 400 `{"error":"Bad Request: no bridge","statusCode":400}`.
        case noBridge
    }

    /// What `/iserver/accounts` answers while another platform competes for the session.
    public enum CompetingAccounts: String, Sendable, Hashable, CaseIterable {
        /// HTTP 200 `{}`.
        case emptyObject
        /// As any other `/iserver` call without a brokerage session.
        case refused
    }

    public var noSessionTickle = NoSessionTickle.unauthorized
    public var brokerageRefusal = BrokerageRefusal.unauthorized
    public var competingAccounts = CompetingAccounts.emptyObject
    /// `/portfolio/{id}/…` before `/portfolio/accounts`, and `/iserver` account calls before `/iserver/accounts`,
    /// answer as reference §8 says (an error, or empty data).
    public var strictPrerequisites = true
    public var pacing = true
    /// Clock-jitter allowance of the pacing limits.
    public var pacingTolerance = Duration.milliseconds(25)
    /// After a pacing violation every request gets 429 for this long; `nil` turns the penalty box off.
    public var penaltyBox: Duration?
    /// The session ends after this long without requests.
    public var idleTimeout = Duration.seconds(360)
    /// `nil` turns the daily reset off.
    public var dailyReset: DailyReset? = DailyReset()
    /// `/iserver/reauthenticate` brings the brokerage session back after this long.
    public var reauthenticationDelay = Duration.seconds(3)
    /// The positions pages are rebuilt at most this often unless invalidated.
    public var positionsCacheLifetime = Duration.seconds(30)
    /// Chance that a positions row comes without its contract part ("no secdef").
    public var partialPositionProbability = 0.02

    public init() {}
}
