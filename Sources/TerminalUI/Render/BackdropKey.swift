import Foundation
import Portfolio

/// Everything the account bar, the summary strip and the panes other than the positions are drawn from: the whole
/// state but the positions and quotes, and the whole view. When a new frame has the same key, those parts of the
/// screen are the same, so a price update redraws the positions pane alone. Comparing is cheap when nothing
/// changed: unchanged arrays and dictionaries share their storage, and equality checks that first.
struct BackdropKey: Equatable {
    private struct AccountPart: Equatable {
        var account: Account
        var summary: Cached<AccountSummary>
        var ledger: Cached<Ledger>
        var pnl: Cached<AccountPnL>
        var orders: Cached<[Order]>
        var executions: Cached<[Execution]>
        var history: AccountHistory?
        var totals: AccountTotals
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
                account: $0.account, summary: $0.summary, ledger: $0.ledger, pnl: $0.pnl, orders: $0.orders,
                executions: $0.executions, history: $0.history, totals: $0.totals)
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
