import Foundation
import Testing

@testable import Portfolio

/// All accounts' daily NAV added up in one currency, and the store making it again only when its inputs change.
@Suite struct ConsolidatedNAVTests {
    let d = Fixtures.decimal
    let day = 86_400.0

    func ledger(_ base: Currency, holding other: Currency, at rate: String) -> Ledger {
        Ledger(
            baseCurrency: base,
            entries: [
                base: LedgerEntry(currency: base, exchangeRate: 1),
                other: LedgerEntry(currency: other, exchangeRate: d(rate)),
            ],
            base: nil)
    }

    /// NAV on the given days (days since the epoch) at the given totals.
    func history(_ account: AccountID, _ base: Currency, _ points: [(day: Int, total: String)]) -> AccountHistory {
        AccountHistory(
            account: account, baseCurrency: base,
            nav: points.map { NAVPoint(date: Date(timeIntervalSince1970: Double($0.day) * day), total: d($0.total)) })
    }

    func state(_ id: AccountID, _ base: Currency, ledger: Ledger?, history: AccountHistory?) -> AccountState {
        Fixtures.accountState(Fixtures.account(id, base), ledger: ledger, history: history)
    }

    @Test func daysEveryAccountReportedAreAddedUpAtTodaysRates() throws {
        let usd = state(
            "U1", .usd, ledger: ledger(.usd, holding: .eur, at: "1.0875"),
            history: history("U1", .usd, [(1, "1000.00"), (2, "1010.00"), (3, "1020.00")]))
        // The EUR account missed day 1: the sum starts on day 2, so a missing day does not look like a crash.
        let eur = state(
            "U2", .eur, ledger: ledger(.eur, holding: .usd, at: "0.9195"),
            history: history("U2", .eur, [(2, "200.00"), (3, "300.00")]))
        let nav = try #require(ConsolidatedNAV.of([usd, eur], in: .usd))
        #expect(nav.points.map(\.total) == [d("1227.50"), d("1346.25")])  // 1010 + 200 × 1.0875, 1020 + 300 × 1.0875
        #expect(nav.points.map(\.date) == [2, 3].map { Date(timeIntervalSince1970: $0 * day) })
        #expect(nav.included == 2 && nav.accounts == 2 && nav.withoutNAV == 0)
        #expect(nav.converted)
        #expect(nav.missingRates.isEmpty)
    }

    @Test func accountsWithoutNAVOrWithoutARateAreLeftOutAndCounted() throws {
        let usd = state(
            "U1", .usd, ledger: ledger(.usd, holding: .eur, at: "1.0875"),
            history: history("U1", .usd, [(1, "1000.00"), (2, "1010.00")]))
        let paper = state("DU3", .usd, ledger: nil, history: nil)
        let yen = state("U4", "JPY", ledger: nil, history: history("U4", "JPY", [(1, "150000"), (2, "151000")]))
        let nav = try #require(ConsolidatedNAV.of([usd, paper, yen]))
        #expect(nav.currency == .usd)
        #expect(nav.points.map(\.total) == [d("1000.00"), d("1010.00")])
        #expect(nav.included == 1 && nav.accounts == 3 && nav.withoutNAV == 1)
        #expect(nav.missingRates == ["JPY"])
        #expect(!nav.converted)
        // One account has nothing to add up.
        #expect(ConsolidatedNAV.of([usd]) == nil)
    }

    @Test func theStoreMakesItAgainOnlyWhenAStatementRatesOrAccountsChange() throws {
        var store = DashboardStore(
            connection: ConnectionInfo(gateway: "localhost:5000"),
            cadences: EffectiveCadences(tickle: .seconds(60), datasets: [:], stretched: false), displayCurrency: .usd)
        let now = Date(timeIntervalSince1970: 10 * day)
        _ = store.setAccounts([Fixtures.account("U1", .usd), Fixtures.account("U2", .eur)])
        #expect(store.state(at: now, alerts: []).consolidatedNAV?.points == [])
        store.storeHistory(
            HistorySnapshot(
                accounts: [
                    "U1": history("U1", .usd, [(1, "1000.00")]), "U2": history("U2", .eur, [(1, "100.00")]),
                ],
                generatedAt: now),
            fetchedAt: now)
        // No rate for EUR yet: the EUR account is left out.
        #expect(store.state(at: now, alerts: []).consolidatedNAV?.points.map(\.total) == [d("1000.00")])
        store.store(.ledger(ledger(.usd, holding: .eur, at: "1.10")), for: "U1", at: now)
        #expect(store.state(at: now, alerts: []).consolidatedNAV?.points.map(\.total) == [d("1110.00")])
        store.store(.ledger(ledger(.usd, holding: .eur, at: "1.20")), for: "U1", at: now + 30)
        let moved = try #require(store.state(at: now, alerts: []).consolidatedNAV)
        #expect(moved.points.map(\.total) == [d("1120.00")])
        // The same rates again: the NAV is the one made before, not a new one (its points share their storage).
        store.store(.ledger(ledger(.usd, holding: .eur, at: "1.20")), for: "U1", at: now + 60)
        let same = try #require(store.state(at: now, alerts: []).consolidatedNAV)
        #expect(same.points.withUnsafeBufferPointer { $0.baseAddress } == moved.points.withUnsafeBufferPointer { $0.baseAddress })
        // An account leaves: nothing is left to add up.
        _ = store.setAccounts([Fixtures.account("U1", .usd)])
        #expect(store.state(at: now, alerts: []).consolidatedNAV == nil)
    }
}
