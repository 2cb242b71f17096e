import Foundation
import Portfolio

/// One snapshot straight from the gateway, for `ibdash snapshot` when no dashboard is running: the session, the
/// account list, then each account's summary, ledger, positions, P&L and orders, one request after another through
/// the source's pacing budget. Calls the session cannot serve fail fast in the source and show as errors.
struct GatewaySnapshot {
    enum Failure: Error {
        /// The gateway is unreachable or nobody is logged in.
        case session(SessionStatus)
        /// The session check or the account list failed.
        case source(SourceError)
        case unknownAccount(AccountID, known: [AccountID])
        /// Not a `SourceError`: nothing the source promises, so nothing is guessed about it.
        case unexpected(any Error)
    }

    var source: any AccountSource
    var connection: ConnectionInfo
    var time: any TimeSource
    var cadences = Cadences()

    /// Every account, or only `account`.
    func fetch(only account: AccountID?) async throws(Failure) -> DashboardState {
        let status = try await step { try await source.checkSession() }
        guard status.state.allowsPortfolio else { throw .session(status) }
        var connection = connection
        connection.session = status.state
        connection.sessionMessage = status.message?.sanitized
        connection.sessionSince = time.now
        connection.lastTickle = time.now
        let listed = try await step { try await source.accounts() }
        var wanted = listed
        if let account {
            guard let match = listed.first(where: { $0.id == account }) else {
                throw .unknownAccount(account, known: listed.map(\.id))
            }
            wanted = [match]
        }
        var accounts: [AccountState] = []
        for account in wanted { accounts.append(try await fetch(account)) }
        return DashboardState(
            now: time.now, connection: connection, accounts: accounts, consolidated: .of(accounts),
            cadences: EffectiveCadences(
                tickle: cadences.tickle,
                datasets: Dictionary(uniqueKeysWithValues: Dataset.allCases.map { ($0, cadences[$0]) }),
                stretched: false),
            history: Cached(cadence: cadences.history))
    }

    private func fetch(_ account: Account) async throws(Failure) -> AccountState {
        let id = account.id
        let summary = try await load(.summary) { try await source.summary(for: id) }
        let ledger = try await load(.ledger) { try await source.ledger(for: id) }
        let positions = try await load(.positions) { try await source.positions(for: id) }
        let pnl = try await load(.pnl) { try await source.pnl(for: id) }
        let orders = try await load(.orders) { try await source.orders(for: id) }
        return AccountState(
            account: account, summary: summary, ledger: ledger, positions: positions, pnl: pnl, orders: orders,
            executions: Cached(cadence: cadences.trades), quotes: Cached(cadence: cadences.quotes),
            totals: AccountTotals(
                account: account, summary: summary.value, ledger: ledger.value, pnl: pnl.value, history: nil))
    }

    /// The dataset, or its failure beside no value.
    private func load<Value>(_ dataset: Dataset, _ fetch: () async throws -> Value) async throws(Failure)
        -> Cached<Value>
    {
        var cached = Cached<Value>(cadence: cadences[dataset])
        do {
            cached.store(try await fetch(), at: time.now)
        } catch let error as SourceError {
            cached.fail(error, at: time.now)
        } catch {
            throw .unexpected(error)
        }
        return cached
    }

    /// A step the snapshot cannot go on without.
    private func step<Value>(_ call: () async throws -> Value) async throws(Failure) -> Value {
        do {
            return try await call()
        } catch let error as SourceError {
            throw .source(error)
        } catch {
            throw .unexpected(error)
        }
    }
}
