import Foundation

/// The cache: the last good value of every dataset of every account with when it was fetched, the last error
/// beside it, and the session. Pure; the engine feeds it and turns it into `DashboardState`s.
struct DashboardStore: Sendable {
    private(set) var connection: ConnectionInfo
    private(set) var accounts: [AccountState] = []
    private(set) var history: Cached<HistorySnapshot>
    private(set) var cadences: EffectiveCadences
    /// The currency all accounts are added up in; `nil` for the first account's base currency.
    let displayCurrency: Currency?
    /// Made again only when a statement, other rates or another account list arrive (see `ConsolidatedNAV`).
    private(set) var consolidatedNAV: ConsolidatedNAV?

    init(connection: ConnectionInfo, cadences: EffectiveCadences, displayCurrency: Currency? = nil) {
        self.connection = connection
        self.cadences = cadences
        self.displayCurrency = displayCurrency
        history = Cached(cadence: cadences[.history])
    }

    func account(_ id: AccountID) -> AccountState? { accounts.first { $0.id == id } }

    /// Returns the state it replaced.
    mutating func updateSession(_ status: SessionStatus, at time: Date) -> SessionState {
        let old = connection.session
        if status.state != old { connection.sessionSince = time }
        connection.session = status.state
        connection.sessionMessage = status.message?.sanitized
        connection.lastTickle = time
        return old
    }

    /// Takes the account list in account-bar order, keeping what is cached for accounts that stay.
    mutating func setAccounts(_ list: [Account]) -> (added: [AccountID], removed: [AccountID]) {
        let previous = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<AccountID>()
        var added: [AccountID] = []
        accounts = list.compactMap { account in
            guard seen.insert(account.id).inserted else { return nil }
            var state = previous[account.id] ?? emptyState(for: account)
            if previous[account.id] == nil { added.append(account.id) }
            state.account = account
            state.history = history.value?.accounts[account.id]
            state.updateTotals()
            return state
        }
        let removed = previous.keys.filter { !seen.contains($0) }.sorted()
        addUpNAV()
        return (added, removed)
    }

    /// What storing a dataset's value changed on screen.
    enum Stored: Equatable {
        /// The account is not (or no longer) listed; nothing was stored.
        case unlisted
        /// The same values as before, and the dataset was live: only its age starts again.
        case sameValues
        /// Other values, or a dataset that was not live before.
        case newValues
    }

    /// Stores a dataset's good value.
    @discardableResult
    mutating func store(_ payload: Payload, for id: AccountID, at time: Date) -> Stored {
        guard let index = accounts.firstIndex(where: { $0.id == id }), let dataset = payload.dataset else {
            return .unlisted
        }
        let wasLive = accounts[index].freshness(of: dataset, at: time)?.level == .live
        let same: Bool
        switch payload {
        case .summary(let summary):
            same = accounts[index].summary.value?.sameValues(as: summary) ?? false
            accounts[index].summary.store(summary, at: time)
        case .ledger(let ledger):
            let old = accounts[index].ledger.value
            same = old?.sameValues(as: ledger) ?? false
            accounts[index].ledger.store(ledger, at: time)
            if ledger.fxRates != old?.fxRates { addUpNAV() }
        case .positions(let positions):
            let old = accounts[index].positions
            let changes = ContractChanges.between(old.value, fetchedAt: old.fetchedAt, and: positions, fetchedAt: time)
            same = changes.changeNothing
            accounts[index].positionChanges = changes
            accounts[index].positions.store(positions, at: time)
        case .pnl(let pnl):
            same = accounts[index].pnl.value == pnl
            accounts[index].pnl.store(pnl, at: time)
        case .orders(let orders):
            same = accounts[index].orders.value == orders
            accounts[index].orders.store(orders, at: time)
        case .executions(let executions):
            same = accounts[index].executions.value == executions
            accounts[index].executions.store(executions, at: time)
        case .quotes(let quotes):
            let old = accounts[index].quotes
            let changes = ContractChanges.between(old.value, fetchedAt: old.fetchedAt, and: quotes, fetchedAt: time)
            same = changes.changeNothing
            accounts[index].quoteChanges = changes
            accounts[index].quotes.store(quotes, at: time)
        case .session, .accounts, .history: return .unlisted
        }
        accounts[index].updateTotals()
        return same && wasLive ? .sameValues : .newValues
    }

    mutating func fail(_ dataset: Dataset, of id: AccountID, with error: SourceError, at time: Date) {
        guard let index = accounts.firstIndex(where: { $0.id == id }) else { return }
        accounts[index].updateSlot(dataset) { $0.fail(error, at: time) }
    }

    mutating func storeHistory(_ snapshot: HistorySnapshot, fetchedAt: Date) {
        history.store(snapshot, at: fetchedAt)
        for index in accounts.indices {
            accounts[index].history = snapshot.accounts[accounts[index].id]
            accounts[index].updateTotals()
        }
        addUpNAV()
    }

    mutating func failHistory(_ error: SourceError, at time: Date) {
        history.fail(error, at: time)
    }

    /// Every cached dataset takes the cadence in effect now, so that its freshness is judged against it.
    mutating func setCadences(_ cadences: EffectiveCadences) {
        self.cadences = cadences
        history.cadence = cadences[.history]
        for index in accounts.indices {
            for dataset in Dataset.allCases { accounts[index].updateSlot(dataset) { $0.cadence = cadences[dataset] } }
        }
    }

    func state(at now: Date, alerts: [Alert]) -> DashboardState {
        DashboardState(
            now: now, connection: connection, accounts: accounts,
            consolidated: ConsolidatedTotals.of(accounts, in: displayCurrency), consolidatedNAV: consolidatedNAV,
            alerts: alerts, cadences: cadences, history: history)
    }

    /// All accounts' daily NAV added up again, after what it is made from changed.
    private mutating func addUpNAV() {
        consolidatedNAV = ConsolidatedNAV.of(accounts, in: displayCurrency)
    }

    private func emptyState(for account: Account) -> AccountState {
        AccountState(
            account: account, summary: Cached(cadence: cadences[.summary]), ledger: Cached(cadence: cadences[.ledger]),
            positions: Cached(cadence: cadences[.positions]), pnl: Cached(cadence: cadences[.pnl]),
            orders: Cached(cadence: cadences[.orders]), executions: Cached(cadence: cadences[.trades]),
            quotes: Cached(cadence: cadences[.quotes]), totals: AccountTotals(currency: account.baseCurrency))
    }
}
