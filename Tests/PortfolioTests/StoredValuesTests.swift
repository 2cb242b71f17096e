import Foundation
import Testing

@testable import Portfolio

/// `DashboardStore.store` tells a fetch that brought new values from one that only restarted an age: the engine
/// draws the first at once and leaves the second to the clock's next tick.
@Suite struct StoredValuesTests {
    let account = AccountID("U1")
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    private func makeStore() -> DashboardStore {
        var store = DashboardStore(
            connection: ConnectionInfo(gateway: "https://localhost:5000"),
            cadences: EffectiveCadences(tickle: .seconds(60), datasets: [:], stretched: false))
        _ = store.setAccounts([
            Account(id: account, displayName: "Main", baseCurrency: .usd, type: "INDIVIDUAL", isPaper: false)
        ])
        return store
    }

    private func summary(netLiquidation: Decimal, asOf: TimeInterval) -> AccountSummary {
        AccountSummary(currency: .usd, netLiquidation: netLiquidation, asOf: Date(timeIntervalSince1970: asOf))
    }

    private func position(price: Decimal) -> Position {
        Position(account: account, contract: Fixtures.stock(265_598, "AAPL"), quantity: 10, marketPrice: price,
            marketValue: price * 10)
    }

    @Test func theFirstValueIsNewAndTheSameValuesAgainOnlyRestartTheAge() {
        var store = makeStore()
        #expect(store.store(.pnl(AccountPnL(daily: 5)), for: account, at: start) == .newValues)
        #expect(store.store(.pnl(AccountPnL(daily: 5)), for: account, at: start + 10) == .sameValues)
        #expect(store.store(.pnl(AccountPnL(daily: 6)), for: account, at: start + 20) == .newValues)
        #expect(store.account(account)?.pnl.fetchedAt == start + 20)
    }

    @Test func aSummaryOrLedgerComputedLaterWithTheSameMetricsIsTheSame() {
        var store = makeStore()
        #expect(store.store(.summary(summary(netLiquidation: 100, asOf: 1)), for: account, at: start) == .newValues)
        #expect(store.store(.summary(summary(netLiquidation: 100, asOf: 2)), for: account, at: start + 10) == .sameValues)
        #expect(store.store(.summary(summary(netLiquidation: 101, asOf: 3)), for: account, at: start + 20) == .newValues)
        #expect(store.account(account)?.summary.value?.asOf == Date(timeIntervalSince1970: 3))

        let ledger = Ledger(baseCurrency: .usd, entries: [.usd: LedgerEntry(currency: .usd, cashBalance: 5)], base: nil)
        var later = ledger
        later.asOf = start
        #expect(store.store(.ledger(ledger), for: account, at: start) == .newValues)
        #expect(store.store(.ledger(later), for: account, at: start + 10) == .sameValues)
        #expect(store.account(account)?.ledger.value?.asOf == start)
    }

    @Test func positionsAndQuotesCompareContractByContract() {
        var store = makeStore()
        #expect(store.store(.positions([position(price: 200)]), for: account, at: start) == .newValues)
        #expect(store.store(.positions([position(price: 200)]), for: account, at: start + 10) == .sameValues)
        #expect(store.store(.positions([position(price: 201)]), for: account, at: start + 20) == .newValues)
        #expect(store.store(.positions([]), for: account, at: start + 30) == .newValues)

        let quote = MarketQuote(conid: 265_598, last: 200)
        #expect(store.store(.quotes([265_598: quote]), for: account, at: start) == .newValues)
        #expect(store.store(.quotes([265_598: quote]), for: account, at: start + 10) == .sameValues)
        #expect(store.store(.quotes([265_598: MarketQuote(conid: 265_598, last: 199)]), for: account, at: start + 20)
            == .newValues)
    }

    @Test func theSameValuesAfterAFailureOrALongWaitAreNewOnScreen() {
        var store = makeStore()
        let orders: [Order] = []
        #expect(store.store(.orders(orders), for: account, at: start) == .newValues)
        store.fail(.orders, of: account, with: SourceError(.timeout, endpoint: "orders", message: "timed out"), at: start + 10)
        // Stale after the failure: the same list again turns the pane live, which is more than an age.
        #expect(store.store(.orders(orders), for: account, at: start + 20) == .newValues)
        #expect(store.store(.orders(orders), for: account, at: start + 30) == .sameValues)
        // Aging (past cadence and grace, 15 s + 5 s by default) turns live again too.
        #expect(store.store(.orders(orders), for: account, at: start + 55) == .newValues)
    }

    @Test func anAccountNoLongerListedStoresNothing() {
        var store = makeStore()
        #expect(store.store(.pnl(AccountPnL(daily: 5)), for: AccountID("U9"), at: start) == .unlisted)
        #expect(store.account(AccountID("U9")) == nil)
    }
}
