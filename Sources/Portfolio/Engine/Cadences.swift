/// How often each thing is refreshed when nothing stretches it, and the waits the engine keeps after trouble.
/// Plain values with defaults; the configuration file maps onto them.
public struct Cadences: Hashable, Sendable {
    /// Keep-alive and session check while the brokerage session is up.
    public var tickle: Duration = .seconds(60)
    public var summary: Duration = .seconds(15)
    public var ledger: Duration = .seconds(30)
    public var positions: Duration = .seconds(15)
    public var pnl: Duration = .seconds(10)
    public var orders: Duration = .seconds(10)
    public var trades: Duration = .seconds(60)
    public var quotes: Duration = .seconds(15)
    /// The Flex statement; also fetched at start when the kept one is older than this.
    public var history: Duration = .seconds(6 * 3600)
    /// Session check while the session is not fully up (unreachable, not logged in, read-only, competing), so
    /// that a restored session is noticed soon.
    public var sessionRecheck: Duration = .seconds(10)
    /// Next try of the account list after it failed.
    public var accountListRetry: Duration = .seconds(30)
    /// Next try of the Flex statement after a failure that may pass.
    public var historyRetry: Duration = .seconds(30 * 60)
    /// How long every Client Portal request stops after IBKR reports its penalty box (IBKR says 10–15 min).
    public var penaltyBoxPause: Duration = .seconds(15 * 60)

    public init() {}

    public subscript(dataset: Dataset) -> Duration {
        switch dataset {
        case .summary: summary
        case .ledger: ledger
        case .positions: positions
        case .pnl: pnl
        case .orders: orders
        case .trades: trades
        case .quotes: quotes
        case .history: history
        }
    }
}
