import Foundation

@testable import Portfolio

enum Fixtures {
    static func stock(_ conid: Int, _ symbol: String, _ currency: Currency = .usd) -> Contract {
        Contract(conid: conid, symbol: symbol, assetClass: .stock, currency: currency)
    }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

    static func order(_ id: Int, _ account: AccountID, status: OrderStatus, filled: Decimal = 0, reason: String? = nil)
        -> Order
    {
        Order(
            id: id, account: account, conid: 265_598, symbol: "AAPL", side: .buy, orderType: "Limit",
            limitPrice: 190, quantity: 100, filled: filled, remaining: 100 - filled, status: status,
            timeInForce: "DAY", reason: reason)
    }

    static func account(_ id: AccountID, _ currency: Currency) -> Account {
        Account(id: id, displayName: "", baseCurrency: currency, type: "INDIVIDUAL", isPaper: false)
    }

    /// An account's state with the given datasets stored at `time`, cadences of 15 s.
    static func accountState(
        _ account: Account, summary: AccountSummary? = nil, ledger: Ledger? = nil, pnl: AccountPnL? = nil,
        positions: [Position]? = nil, quotes: [Int: MarketQuote]? = nil, history: AccountHistory? = nil,
        at time: Date = Date(timeIntervalSince1970: 1_790_000_000)
    ) -> AccountState {
        var state = AccountState(
            account: account, summary: Cached(value: summary, fetchedAt: summary.map { _ in time }, cadence: .seconds(15)),
            ledger: Cached(value: ledger, fetchedAt: ledger.map { _ in time }, cadence: .seconds(30)),
            positions: Cached(value: positions, fetchedAt: positions.map { _ in time }, cadence: .seconds(15)),
            pnl: Cached(value: pnl, fetchedAt: pnl.map { _ in time }, cadence: .seconds(10)),
            orders: Cached(cadence: .seconds(10)), executions: Cached(cadence: .seconds(60)),
            quotes: Cached(value: quotes, fetchedAt: quotes.map { _ in time }, cadence: .seconds(15)),
            history: history, totals: AccountTotals(currency: account.baseCurrency))
        state.updateTotals()
        return state
    }
}
