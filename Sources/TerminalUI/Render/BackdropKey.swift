import Foundation
import Portfolio

/// Everything the account bar, the summary strip and the panes other than the positions are drawn from: the whole
/// state but the positions and quotes, and the whole view. When a new frame has the same key, those parts of the
/// screen are the same, so a price update redraws the positions pane alone. Comparing is cheap when nothing
/// changed: each dataset is compared by its stamps (the engine stores every new value with a new fetch time, as
/// `PositionsKey` relies on too), and unchanged arrays share their storage, which equality checks first.
struct BackdropKey: Equatable {
    private struct AccountPart: Equatable {
        var account: Account
        var summary: Stamp
        var ledger: Stamp
        var pnl: Stamp
        var orders: Stamp
        var executions: Stamp
        var history: AccountHistory?
        var totals: AccountTotals
    }

    /// What tells one stored value of a dataset from another, and how it is doing.
    private struct Stamp: Equatable {
        var fetchedAt: Date?
        var lastError: SourceError?
        var lastErrorAt: Date?
        var cadence: Duration

        init<Value>(_ cached: Cached<Value>) {
            fetchedAt = cached.fetchedAt
            lastError = cached.lastError
            lastErrorAt = cached.lastErrorAt
            cadence = cached.cadence
        }
    }

    private let now: Date
    private let connection: ConnectionInfo
    private let accounts: [AccountPart]
    private let consolidated: ConsolidatedTotals?
    private let alerts: [Alert]
    private let cadences: EffectiveCadences
    private let history: Cached<HistorySnapshot>
    private let view: ViewState
    private let theme: Theme
    private let clock: ClockText

    init(state: DashboardState, view: ViewState, theme: Theme, clock: ClockText) {
        now = state.now
        connection = state.connection
        accounts = state.accounts.map {
            AccountPart(
                account: $0.account, summary: Stamp($0.summary), ledger: Stamp($0.ledger), pnl: Stamp($0.pnl),
                orders: Stamp($0.orders), executions: Stamp($0.executions), history: $0.history, totals: $0.totals)
        }
        consolidated = state.consolidated
        alerts = state.alerts
        cadences = state.cadences
        history = state.history
        self.view = view
        self.theme = theme
        self.clock = clock
    }
}
