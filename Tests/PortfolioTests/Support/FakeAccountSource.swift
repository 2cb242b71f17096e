import Foundation

@testable import Portfolio

/// An `AccountSource` that answers from settable data at once and records every call with the virtual time.
final class FakeAccountSource: AccountSource, @unchecked Sendable {
    struct Call: Hashable {
        var endpoint: String
        var account: AccountID?
        var time: Date
    }

    let clock: VirtualTimeSource
    let limits: RequestLimits
    private let lock = NSLock()
    private var recorded: [Call] = []
    private var data: Book

    /// Everything the fake answers with; tests change it while the engine runs.
    struct Book {
        var session = SessionStatus(state: .authenticated)
        var accounts: [Account] = []
        var summaries: [AccountID: AccountSummary] = [:]
        var ledgers: [AccountID: Ledger] = [:]
        var positions: [AccountID: [Position]] = [:]
        var pnl: [AccountID: AccountPnL] = [:]
        var orders: [AccountID: [Order]] = [:]
        var quotes: [Int: MarketQuote] = [:]
        /// Endpoint name → the error every call to it throws until removed.
        var failures: [String: SourceError] = [:]
    }

    /// IBKR's limits as the real client would report them.
    static let ibkrLimits = RequestLimits(
        plannedRequestsPerSecond: 8,
        sharedSpacing: [.pnl: .seconds(5), .orders: .seconds(5), .trades: .seconds(5)])

    init(clock: VirtualTimeSource, accounts: Int, limits: RequestLimits = FakeAccountSource.ibkrLimits) {
        self.clock = clock
        self.limits = limits
        var book = Book()
        for number in 0..<accounts {
            let id = AccountID("U\(1_000_000 + number)")
            book.accounts.append(Account(id: id, displayName: "", baseCurrency: .usd, type: "INDIVIDUAL", isPaper: false))
            book.summaries[id] = AccountSummary(
                currency: .usd, netLiquidation: 100_000, totalCash: 40_000, grossPositionValue: 60_000,
                excessLiquidity: 50_000, cushion: Decimal(string: "0.5"))
            book.ledgers[id] = Ledger(
                baseCurrency: .usd, entries: [.usd: LedgerEntry(currency: .usd, cashBalance: 40_000, exchangeRate: 1)],
                base: LedgerEntry(currency: .usd, cashBalance: 40_000, realizedPnl: 0))
            book.positions[id] = [
                Position(account: id, contract: Fixtures.stock(265_598, "AAPL"), quantity: 100, marketPrice: 200,
                    marketValue: 20_000),
                Position(account: id, contract: Fixtures.stock(272_093, "MSFT"), quantity: 100, marketPrice: 400,
                    marketValue: 40_000),
            ]
            book.pnl[id] = AccountPnL(daily: 150, unrealized: 1_000, netLiquidation: 100_000)
            book.orders[id] = []
        }
        data = book
    }

    func update(_ change: (inout Book) -> Void) { lock.withLock { change(&data) } }

    var book: Book { lock.withLock { data } }

    var calls: [Call] { lock.withLock { recorded } }

    func calls(to endpoint: String, account: AccountID? = nil) -> [Call] {
        calls.filter { $0.endpoint == endpoint && (account == nil || $0.account == account) }
    }

    private func answer<T>(_ endpoint: String, _ account: AccountID?, _ read: (Book) -> T?) throws -> T {
        try lock.withLock {
            recorded.append(Call(endpoint: endpoint, account: account, time: clock.now))
            if let failure = data.failures[endpoint] { throw failure }
            guard let value = read(data) else {
                throw SourceError(.server(status: 500), endpoint: endpoint, message: "no such account")
            }
            return value
        }
    }

    func checkSession() async throws -> SessionStatus { try answer("tickle", nil) { $0.session } }
    func accounts() async throws -> [Account] { try answer("accounts", nil) { $0.accounts } }
    func summary(for account: AccountID) async throws -> AccountSummary {
        try answer("summary", account) { $0.summaries[account] }
    }
    func ledger(for account: AccountID) async throws -> Ledger { try answer("ledger", account) { $0.ledgers[account] } }
    func positions(for account: AccountID) async throws -> [Position] {
        try answer("positions", account) { $0.positions[account] }
    }
    func invalidatePositions(for account: AccountID) async throws {
        try answer("invalidate", account) { _ in () }
    }
    func pnl(for account: AccountID) async throws -> AccountPnL { try answer("pnl", account) { $0.pnl[account] } }
    func orders(for account: AccountID) async throws -> [Order] { try answer("orders", account) { $0.orders[account] } }
    func executions(for account: AccountID) async throws -> [Execution] { try answer("trades", account) { _ in [] } }
    func quotes(for conids: [Int]) async throws -> [Int: MarketQuote] {
        try answer("quotes", nil) { book in book.quotes.filter { conids.contains($0.key) } }
    }
}
