import Foundation
import Portfolio

/// Everything the positions list is derived from, compared cheaply: when a new state has the same key, the list
/// is the same. The engine stamps every stored dataset with its fetch time, so a new value means a new time.
public struct PositionsKey: Hashable, Sendable {
    private struct AccountStamp: Hashable {
        var id: AccountID
        var positions: Date?
        var quotes: Date?
        var ledger: Date?
        var netLiquidation: Decimal?
    }

    private let accounts: [AccountStamp]
    private let consolidated: ConsolidatedTotals?
    private let selectedAccount: AccountID?
    private let currency: CurrencyMode
    private let filter: String
    private let sort: SortOrder

    public init(state: DashboardState, view: ViewState) {
        accounts = state.accounts.map {
            AccountStamp(
                id: $0.id, positions: $0.positions.fetchedAt, quotes: $0.quotes.fetchedAt, ledger: $0.ledger.fetchedAt,
                netLiquidation: $0.totals.netLiquidation)
        }
        consolidated = state.consolidated
        selectedAccount = view.selectedAccount
        currency = view.currency
        filter = view.filter(.positions)
        sort = view.sort(.positions)
    }
}
