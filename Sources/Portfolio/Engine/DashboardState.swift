import Foundation

/// Everything the screen shows, as one immutable value. The engine publishes a new one whenever something
/// changed, and once a second while an age on screen is ticking.
public struct DashboardState: Sendable {
    public var now: Date
    public var connection: ConnectionInfo
    /// In account-bar order.
    public var accounts: [AccountState]
    /// All accounts in one currency; `nil` until there is an account.
    public var consolidated: ConsolidatedTotals?
    /// All accounts' daily NAV in the same currency; `nil` with fewer than two accounts.
    public var consolidatedNAV: ConsolidatedNAV?
    /// Newest first.
    public var alerts: [Alert]
    /// Cadences in effect after stretching for pacing limits.
    public var cadences: EffectiveCadences
    /// The last Flex statement, for every account it covered.
    public var history: Cached<HistorySnapshot>

    public init(
        now: Date, connection: ConnectionInfo, accounts: [AccountState] = [],
        consolidated: ConsolidatedTotals? = nil, consolidatedNAV: ConsolidatedNAV? = nil, alerts: [Alert] = [],
        cadences: EffectiveCadences, history: Cached<HistorySnapshot>
    ) {
        self.now = now
        self.connection = connection
        self.accounts = accounts
        self.consolidated = consolidated
        self.consolidatedNAV = consolidatedNAV
        self.alerts = alerts
        self.cadences = cadences
        self.history = history
    }

    public func account(_ id: AccountID) -> AccountState? { accounts.first { $0.account.id == id } }
}

/// Where the data comes from and the state of the session, for the status line.
public struct ConnectionInfo: Hashable, Sendable {
    /// e.g. `localhost:5000` or `api.ibkr.com`.
    public var gateway: String
    public var isDemo: Bool
    /// TLS verification was turned off with `--insecure`: the screen says so.
    public var tlsInsecure: Bool
    public var session: SessionState
    public var sessionMessage: String?
    /// When the session entered its current state.
    public var sessionSince: Date?
    public var lastTickle: Date?

    public init(
        gateway: String, isDemo: Bool = false, tlsInsecure: Bool = false, session: SessionState = .connecting,
        sessionMessage: String? = nil, sessionSince: Date? = nil, lastTickle: Date? = nil
    ) {
        self.gateway = gateway
        self.isDemo = isDemo
        self.tlsInsecure = tlsInsecure
        self.session = session
        self.sessionMessage = sessionMessage
        self.sessionSince = sessionSince
        self.lastTickle = lastTickle
    }
}

/// One account's datasets, each with its own age and last error.
public struct AccountState: Sendable, Identifiable {
    public var account: Account
    public var summary: Cached<AccountSummary>
    public var ledger: Cached<Ledger>
    public var positions: Cached<[Position]>
    public var pnl: Cached<AccountPnL>
    public var orders: Cached<[Order]>
    public var executions: Cached<[Execution]>
    public var quotes: Cached<[Int: MarketQuote]>
    /// What the last positions fetch changed, and the last quotes fetch.
    public var positionChanges = ContractChanges.everything
    public var quoteChanges = ContractChanges.everything
    /// This account's part of the last Flex statement.
    public var history: AccountHistory?
    /// Headline numbers in the account's base currency, derived from the datasets above.
    public var totals: AccountTotals

    public var id: AccountID { account.id }

    public init(
        account: Account, summary: Cached<AccountSummary>, ledger: Cached<Ledger>, positions: Cached<[Position]>,
        pnl: Cached<AccountPnL>, orders: Cached<[Order]>, executions: Cached<[Execution]>,
        quotes: Cached<[Int: MarketQuote]>, history: AccountHistory? = nil, totals: AccountTotals
    ) {
        self.account = account
        self.summary = summary
        self.ledger = ledger
        self.positions = positions
        self.pnl = pnl
        self.orders = orders
        self.executions = executions
        self.quotes = quotes
        self.history = history
        self.totals = totals
    }

    /// The freshness of one dataset of this account at `now`.
    public func freshness(of dataset: Dataset, at now: Date) -> Freshness? {
        switch dataset {
        case .summary: summary.freshness(at: now)
        case .ledger: ledger.freshness(at: now)
        case .positions: positions.freshness(at: now)
        case .pnl: pnl.freshness(at: now)
        case .orders: orders.freshness(at: now)
        case .trades: executions.freshness(at: now)
        case .quotes: quotes.freshness(at: now)
        case .history: nil
        }
    }
}

/// The headline numbers of an account (or of all accounts), in `currency`. `nil` means unknown, never zero.
public struct AccountTotals: Hashable, Sendable {
    public var currency: Currency
    public var netLiquidation: Decimal?
    public var cash: Decimal?
    public var excessLiquidity: Decimal?
    /// Fraction 0…1.
    public var cushion: Decimal?
    public var grossPositionValue: Decimal?
    public var dailyPnl: Decimal?
    public var unrealizedPnl: Decimal?
    public var realizedToday: Decimal?
    public var realizedYearToDate: Decimal?

    public init(
        currency: Currency, netLiquidation: Decimal? = nil, cash: Decimal? = nil, excessLiquidity: Decimal? = nil,
        cushion: Decimal? = nil, grossPositionValue: Decimal? = nil, dailyPnl: Decimal? = nil,
        unrealizedPnl: Decimal? = nil, realizedToday: Decimal? = nil, realizedYearToDate: Decimal? = nil
    ) {
        self.currency = currency
        self.netLiquidation = netLiquidation
        self.cash = cash
        self.excessLiquidity = excessLiquidity
        self.cushion = cushion
        self.grossPositionValue = grossPositionValue
        self.dailyPnl = dailyPnl
        self.unrealizedPnl = unrealizedPnl
        self.realizedToday = realizedToday
        self.realizedYearToDate = realizedYearToDate
    }
}

/// All accounts converted into one currency.
public struct ConsolidatedTotals: Hashable, Sendable {
    public var totals: AccountTotals
    /// Currencies with no known rate into `totals.currency`; the accounts in them are left out of the totals.
    public var missingRates: Set<Currency>
    public var includedAccounts: [AccountID]

    public init(totals: AccountTotals, missingRates: Set<Currency> = [], includedAccounts: [AccountID]) {
        self.totals = totals
        self.missingRates = missingRates
        self.includedAccounts = includedAccounts
    }
}

/// The cadence each dataset is refreshed at now, and why it is longer than configured when it is.
public struct EffectiveCadences: Hashable, Sendable {
    public var tickle: Duration
    public var datasets: [Dataset: Duration]
    /// True when pacing limits stretched at least one cadence beyond its configured value.
    public var stretched: Bool
    /// The datasets whose cadence is longer than configured.
    public var stretchedDatasets: Set<Dataset>

    public init(tickle: Duration, datasets: [Dataset: Duration], stretched: Bool, stretchedDatasets: Set<Dataset> = []) {
        self.tickle = tickle
        self.datasets = datasets
        self.stretched = stretched
        self.stretchedDatasets = stretchedDatasets
    }

    public subscript(dataset: Dataset) -> Duration { datasets[dataset] ?? .seconds(15) }
}
