import Foundation
import Portfolio

/// Everything the orders list is derived from, compared cheaply, as `PositionsKey` is for the positions: the
/// fetch time of each account's orders, which accounts are shown, the filter and the sort.
struct OrdersKey: Hashable {
    private let stamps: [Date?]
    private let selectedAccount: AccountID?
    private let filter: String
    private let sort: SortOrder

    init(state: DashboardState, view: ViewState) {
        stamps = state.accounts.map(\.orders.fetchedAt)
        selectedAccount = view.selectedAccount
        filter = view.filter(.orders)
        sort = view.sort(.orders)
    }
}
