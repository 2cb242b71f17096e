import Foundation

/// Live account data, as the Client Portal API serves it. IBKR implements it; the engine only calls it.
///
/// Every method throws `SourceError` on failure. Implementations respect the service's pacing limits
/// themselves (callers wait for a slot); `limits` tells the scheduler what to plan with.
public protocol AccountSource: Sendable {
    /// Keep-alive and session check: `/tickle`, and what it says about the brokerage session.
    func checkSession() async throws -> SessionStatus
    func accounts() async throws -> [Account]
    func summary(for account: AccountID) async throws -> AccountSummary
    func ledger(for account: AccountID) async throws -> Ledger
    /// Every page of the account's positions.
    func positions(for account: AccountID) async throws -> [Position]
    /// Drops the gateway's positions cache so the next `positions` is current (after a fill).
    func invalidatePositions(for account: AccountID) async throws
    func pnl(for account: AccountID) async throws -> AccountPnL
    func orders(for account: AccountID) async throws -> [Order]
    func executions(for account: AccountID) async throws -> [Execution]
    /// Market data for day changes; contracts still in IBKR's pre-flight are simply absent.
    func quotes(for conids: [Int]) async throws -> [Int: MarketQuote]
    var limits: RequestLimits { get }
}

/// What the scheduler plans with so that requests rarely wait on the source's pacing budget.
public struct RequestLimits: Hashable, Sendable {
    /// Requests per second to plan for across everything (below the hard limit, leaving room for refresh-now).
    public var plannedRequestsPerSecond: Double
    /// Minimum spacing of a dataset's endpoint, shared by all accounts (IBKR's 1 per 5 s endpoints).
    public var sharedSpacing: [Dataset: Duration]
    /// Requests one fetch of a dataset costs, when more than one.
    public var requestsPerFetch: [Dataset: Int]

    public init(
        plannedRequestsPerSecond: Double, sharedSpacing: [Dataset: Duration] = [:],
        requestsPerFetch: [Dataset: Int] = [:]
    ) {
        self.plannedRequestsPerSecond = plannedRequestsPerSecond
        self.sharedSpacing = sharedSpacing
        self.requestsPerFetch = requestsPerFetch
    }
}

/// Account history from the Flex Web Service. IBKR implements it.
public protocol HistorySource: Sendable {
    /// The statement kept from an earlier run, without spending the token's budget; `nil` if none.
    func cachedHistory() async -> HistorySnapshot?
    /// A fresh statement: may take minutes while IBKR generates it. Throws `SourceError`.
    func fetchHistory() async throws -> HistorySnapshot
}
