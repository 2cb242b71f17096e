import Foundation
import Portfolio
import Synchronization

/// Portfolio's `AccountSource` on the Client Portal API: wire models mapped into the domain, IBKR's call-order
/// rules and pre-flight answers handled, every failure a `SourceError` with a human message and, where there
/// is one, a fix.
///
/// After a call finds nobody logged in (or no brokerage session), calls that need the session fail fast
/// until `checkSession()` sees it back: a logged-out gateway is not polled with requests that cannot work.
public actor ClientPortalAccountSource: AccountSource {
    public nonisolated let client: ClientPortalClient
    public nonisolated let monitor: SessionMonitor
    /// Days of executions `executions(for:)` asks for (IBKR accepts 1 to 7).
    public nonisolated let tradeDays: Int
    private var knownAccounts: [AccountID: Account] = [:]
    private var contracts = ContractBook()
    private var pendingAccounts: Task<[Account], any Error>?
    private var pendingBrokerage: Task<BrokerageAccounts, any Error>?
    private var selectionBusy = false
    private var selectionQueue: [CheckedContinuation<Void, Never>] = []
    private var lastReauthentication: Date?
    /// Requests the last fetch of a dataset took (position pages, snapshot batches), for `limits`.
    private nonisolated let observedRequests = Mutex<[Dataset: Int]>([:])

    public static let positionsPageSize = 100
    /// Beyond this the gateway is taken to be repeating pages rather than holding 10 000 positions.
    public static let maximumPositionPages = 100
    public static let snapshotBatchSize = 100
    /// How often a read-only session is asked to reopen its brokerage session.
    public static let reauthenticationInterval: Duration = .seconds(60)

    public init(client: ClientPortalClient, monitor: SessionMonitor = SessionMonitor(), tradeDays: Int = 7) {
        self.client = client
        self.monitor = monitor
        self.tradeDays = tradeDays
    }

    public nonisolated var limits: RequestLimits {
        let policy = client.budget.policy
        func spacing(_ template: String) -> Duration {
            (policy.endpoints[template]?.window ?? .zero) + policy.margin
        }
        let observed = observedRequests.withLock { $0 }
        return RequestLimits(
            // Below IBKR's 10/s, leaving room for the keep-alive and for refresh-now.
            plannedRequestsPerSecond: 8,
            sharedSpacing: [
                .pnl: spacing(ClientPortalEndpoint.partitionedPnL.template),
                .orders: spacing(ClientPortalEndpoint.orders(account: nil).template),
                .trades: spacing(ClientPortalEndpoint.trades(days: 1, account: nil).template),
            ],
            requestsPerFetch: observed.filter { $0.value > 1 })
    }

    /// The request budget's backoffs in force now: the engine raises one alert per episode (`Episode.id`).
    public nonisolated var backoff: BackoffState {
        get async { await client.budget.backoff }
    }

    // MARK: Session

    /// Tickles the gateway and says what the session is. Unreachable and not-logged-in are answers here,
    /// not errors; a 429 or an unreadable answer throws.
    public func checkSession() async throws -> SessionStatus {
        do {
            let tickle = try await client.call(.tickle, as: TickleAnswer.decode)
            var status = SessionMonitor.interpret(tickle)
            if tickle.authStatus == nil, let auth = try? await client.call(.authStatus, as: AuthStatus.decode) {
                // The tickle left the brokerage part out; IBKR's own status endpoint may still know it.
                // If that call fails too, the tickle's reading (an SSO session only) stands.
                status = SessionMonitor.interpret(auth)
                status.expiresIn = tickle.ssoExpiresMilliseconds.map { Duration.milliseconds($0) }
            }
            if status.state == .readOnly, let outcome = await reopenBrokerageSession() {
                status.message = [status.message, outcome].compactMap { $0 }.joined(separator: "; ")
            }
            return await monitor.record(status, sessionID: tickle.session)
        } catch let error as SourceError {
            guard let implied = SessionMonitor.interpret(error) else { throw error }
            return await monitor.record(implied)
        }
    }

    /// A brokerage session that timed out while the SSO session lives does not come back by itself: IBKR's
    /// `/iserver/reauthenticate` reopens it, and the next session check sees it back. Asked at most once per
    /// `reauthenticationInterval`; returns what to add to the session's message, `nil` when nothing was asked.
    private func reopenBrokerageSession() async -> String? {
        let now = client.budget.time.now
        if let last = lastReauthentication, now.since(last) < Self.reauthenticationInterval { return nil }
        lastReauthentication = now
        do {
            _ = try await client.call(.reauthenticate)
            return "asked the gateway to reopen the brokerage session"
        } catch let error as SourceError {
            return "asking the gateway to reopen the brokerage session failed: \(error.message)"
        } catch {
            return nil
        }
    }

    // MARK: Portfolio (SSO session)

    public func accounts() async throws -> [Account] {
        try await requireSession(brokerage: false, path: ClientPortalEndpoint.portfolioAccounts.path)
        if let pendingAccounts { return try await pendingAccounts.value }
        let task = Task { try await self.fetchAccounts() }
        pendingAccounts = task
        return try await task.value
    }

    public func summary(for account: AccountID) async throws -> AccountSummary {
        try await preparePortfolio(ClientPortalEndpoint.summary(account).path)
        let base = knownAccounts[account]?.baseCurrency
        return try await call(.summary(account)) { json throws(WireError) in
            try AccountSummary(SummaryMetrics.decode(json), baseCurrency: base)
        }
    }

    public func ledger(for account: AccountID) async throws -> Ledger {
        let endpoint = ClientPortalEndpoint.ledger(account)
        try await preparePortfolio(endpoint.path)
        guard let base = knownAccounts[account]?.baseCurrency else { throw unknownAccount(account, path: endpoint.path) }
        return try await call(endpoint) { json throws(WireError) in
            Ledger(try LedgerRow.decodeAll(json), baseCurrency: base)
        }
    }

    /// Every page, 100 positions each, until a short or empty page.
    public func positions(for account: AccountID) async throws -> [Position] {
        try await preparePortfolio(ClientPortalEndpoint.positions(account, page: 0).path)
        var rows: [(page: Int, row: PositionRow)] = []
        var pages = 0
        while true {
            let endpoint = ClientPortalEndpoint.positions(account, page: pages)
            let page = try await call(endpoint, PositionRow.decodePage)
            rows += page.map { (pages, $0) }
            pages += 1
            if page.count < Self.positionsPageSize { break }
            guard pages < Self.maximumPositionPages else {
                throw SourceError(
                    .decoding, endpoint: endpoint.path,
                    message: "the positions did not end after \(pages) full pages")
            }
        }
        observe(.positions, requests: pages)
        var seen = Set<Int>()
        var positions: [Position] = []
        // A position that moved between pages while they were read would otherwise show twice.
        for (page, row) in rows where seen.insert(row.conid).inserted {
            do throws(WireError) {
                positions.append(try contracts.position(row, account: account))
            } catch {
                throw SourceError(
                    .decoding, endpoint: ClientPortalEndpoint.positions(account, page: page).path,
                    message: error.description)
            }
        }
        return positions
    }

    public func invalidatePositions(for account: AccountID) async throws {
        let endpoint = ClientPortalEndpoint.invalidatePositions(account)
        try await preparePortfolio(endpoint.path)
        _ = try await call(endpoint) { json throws(WireError) in json }
    }

    // MARK: Brokerage (`/iserver`)

    /// The selected account's row; IBKR's first answer of a session is empty, so an empty answer is asked again
    /// once, when the pacing budget allows (IBKR's 1 per 5 s).
    public func pnl(for account: AccountID) async throws -> AccountPnL {
        let endpoint = ClientPortalEndpoint.partitionedPnL
        return try await withSelectedAccount(account, path: endpoint.path) {
            var answer = try await self.call(endpoint, PartitionedPnL.decode)
            if answer.isPreflight { answer = try await self.call(endpoint, PartitionedPnL.decode) }
            guard let row = answer.row(for: account) else {
                let message =
                    answer.isPreflight
                    ? "IBKR has no P&L yet (still empty after the pre-flight answer)"
                    : "no P&L row for \(account) (rows: \(answer.rows.keys.sorted().joined(separator: ", ")))"
                throw SourceError(.decoding, endpoint: endpoint.path, message: message)
            }
            return AccountPnL(row)
        }
    }

    public func orders(for account: AccountID) async throws -> [Order] {
        try await orders(for: account, forceRefresh: false)
    }

    /// Working and recent orders of `account`. The first call of a brokerage session, and a `forceRefresh`
    /// (IBKR's `force=true`, which clears its cached list), are answered empty: the list is asked again when the
    /// pacing budget allows. Rows of other accounts are dropped.
    public func orders(for account: AccountID, forceRefresh: Bool) async throws -> [Order] {
        let endpoint = ClientPortalEndpoint.orders(account: account)
        return try await withSelectedAccount(account, path: endpoint.path) {
            let epoch = await self.monitor.currentBrokerageEpoch
            let preflight = await self.monitor.ordersNeedPreflight
            var answer = try await self.call(
                .orders(account: account, force: forceRefresh), OrdersAnswer.decode)
            if preflight || forceRefresh {
                await self.monitor.markOrdersPrimed(epoch: epoch)
                answer = try await self.call(endpoint, OrdersAnswer.decode)
            }
            var orders: [Order] = []
            for row in answer.orders where Self.belongs(row.account, to: account) {
                do throws(WireError) {
                    orders.append(try Order(row, account: account))
                } catch {
                    throw SourceError(.decoding, endpoint: endpoint.path, message: error.description)
                }
            }
            return orders
        }
    }

    public func executions(for account: AccountID) async throws -> [Execution] {
        let endpoint = ClientPortalEndpoint.trades(days: tradeDays, account: account)
        return try await withSelectedAccount(account, path: endpoint.path) {
            let rows = try await self.call(endpoint, TradeRow.decodeList)
            return rows.filter { Self.belongs($0.account, to: account) }.map { Execution($0, account: account) }
        }
    }

    /// Snapshots in batches of 100 conids; a conid still in IBKR's pre-flight is absent from the result.
    public func quotes(for conids: [Int]) async throws -> [Int: MarketQuote] {
        let wanted = Array(Set(conids)).sorted()
        guard !wanted.isEmpty else { return [:] }
        let first = ClientPortalEndpoint.snapshot(conids: [], fields: [])
        try await requireSession(brokerage: true, path: first.path)
        _ = try await brokerageAccounts(path: first.path)
        var quotes: [Int: MarketQuote] = [:]
        var batches = 0
        for start in stride(from: 0, to: wanted.count, by: Self.snapshotBatchSize) {
            let batch = Array(wanted[start..<min(start + Self.snapshotBatchSize, wanted.count)])
            let rows = try await call(
                .snapshot(conids: batch, fields: SnapshotRow.dayChangeFields), SnapshotRow.decodeList)
            batches += 1
            for row in rows where batch.contains(row.conid) {
                if let quote = MarketQuote(row) { quotes[row.conid] = quote }
            }
        }
        observe(.quotes, requests: batches)
        return quotes
    }

    // MARK: Prerequisites and the selected account

    /// Callers that arrive while this runs share its answer. It stops being shared before its callers resume:
    /// otherwise one of them could ask again at once and be handed the same finished answer, over and over.
    private func fetchAccounts() async throws -> [Account] {
        defer { pendingAccounts = nil }
        let epoch = await monitor.currentPortfolioEpoch
        let rows = try await call(.portfolioAccounts, PortfolioAccount.decodeList)
        let accounts = rows.map(Account.init)
        for account in accounts { knownAccounts[account.id] = account }
        await monitor.markPortfolioReady(epoch: epoch)
        return accounts
    }

    /// `/portfolio/accounts` once per session before any `/portfolio/{id}/…`.
    private func preparePortfolio(_ path: String) async throws {
        try await requireSession(brokerage: false, path: path)
        if await monitor.portfolioReady { return }
        _ = try await accounts()
    }

    /// `/iserver/accounts` once per brokerage session before orders, P&L, trades and snapshots.
    private func brokerageAccounts(path: String) async throws -> BrokerageAccounts {
        if let known = await monitor.brokerageAccounts { return known }
        if let pendingBrokerage { return try await pendingBrokerage.value }
        let task = Task { try await self.fetchBrokerageAccounts() }
        pendingBrokerage = task
        return try await task.value
    }

    /// Shared like `fetchAccounts`, and stops being shared the same way.
    private func fetchBrokerageAccounts() async throws -> BrokerageAccounts {
        defer { pendingBrokerage = nil }
        let epoch = await monitor.currentBrokerageEpoch
        let answer = try await call(.brokerageAccounts, BrokerageAccounts.decode)
        guard answer.isUsable else {
            throw SourceError(
                .brokerageUnavailable, endpoint: ClientPortalEndpoint.brokerageAccounts.path,
                message: "the brokerage session lists no accounts (another session may be competing)",
                fix: "log out of TWS or IBKR Mobile, or wait for the gateway to reconnect")
        }
        await monitor.storeBrokerageAccounts(answer, epoch: epoch)
        return answer
    }

    /// Runs `body` with `account` selected for orders, trades and P&L, switching with `POST /iserver/account`
    /// only when another account is selected. One at a time, first come first served, so a switch for one
    /// account can never land between another account's switch and its request.
    private func withSelectedAccount<Result>(
        _ account: AccountID, path: String, _ body: () async throws -> Result
    ) async throws -> Result {
        try await requireSession(brokerage: true, path: path)
        let known = try await brokerageAccounts(path: path)
        guard known.accounts.contains(account) else {
            throw SourceError(
                .brokerageUnavailable, endpoint: path,
                message: "\(account) is not among the brokerage session's accounts "
                    + "(\(known.accounts.map(\.rawValue).joined(separator: ", ")))")
        }
        await lockSelection()
        defer { unlockSelection() }
        if await monitor.brokerageAccounts?.selectedAccount != account {
            let endpoint = ClientPortalEndpoint.selectAccount(account)
            let answer = try await call(endpoint, AccountSelection.decode)
            guard answer.set, answer.account.map({ $0 == account }) ?? true else {
                throw SourceError(
                    .server(status: 200), endpoint: endpoint.path, message: "the gateway did not select \(account)")
            }
            await monitor.noteSelected(account)
        }
        return try await body()
    }

    private func lockSelection() async {
        guard selectionBusy else {
            selectionBusy = true
            return
        }
        await withCheckedContinuation { selectionQueue.append($0) }
    }

    /// Hands the selection straight to the next waiter, so nobody can slip in between.
    private func unlockSelection() {
        if selectionQueue.isEmpty {
            selectionBusy = false
        } else {
            selectionQueue.removeFirst().resume()
        }
    }

    /// Fails fast when the last word on the session says the call cannot work.
    private func requireSession(brokerage: Bool, path: String) async throws {
        let status = await monitor.status
        let said = status.message.map { ": \($0)" } ?? ""
        switch status.state {
        case .notLoggedIn:
            throw SourceError(
                .notLoggedIn, endpoint: path, message: "not logged in to the gateway",
                fix: client.address.isIBKRWebAPI ? "renew the bearer token" : "log in at \(client.address.origin)")
        case .unreachable:
            throw SourceError(.unreachable, endpoint: path, message: "the gateway is unreachable\(said)")
        case .readOnly where brokerage:
            throw SourceError(.brokerageUnavailable, endpoint: path, message: "read-only session\(said)")
        case .competing where brokerage:
            throw SourceError(
                .brokerageUnavailable, endpoint: path, message: "competing session\(said)",
                fix: "log out of TWS or IBKR Mobile to let the gateway take the brokerage session")
        case .connecting, .authenticated, .readOnly, .competing:
            return
        }
    }

    private func unknownAccount(_ account: AccountID, path: String) -> SourceError {
        SourceError(.decoding, endpoint: path, message: "\(account) is not among the accounts of /portfolio/accounts")
    }

    // MARK: Calls

    /// Calls through the client and tells the session monitor what a failure implies.
    private func call<Model>(
        _ endpoint: ClientPortalEndpoint, _ decode: @Sendable (JSONValue) throws(WireError) -> Model
    ) async throws -> Model {
        do {
            return try await client.call(endpoint, as: decode)
        } catch let error as SourceError {
            await monitor.noteFailure(error)
            throw error
        }
    }

    private func observe(_ dataset: Dataset, requests: Int) {
        observedRequests.withLock { $0[dataset] = requests }
    }

    private static func belongs(_ rowAccount: String?, to account: AccountID) -> Bool {
        // Rows without an account are the selected account's, which is `account` here.
        rowAccount.map { $0 == account.rawValue } ?? true
    }
}
