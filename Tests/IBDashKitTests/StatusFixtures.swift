import Foundation
import Portfolio

@testable import IBDashKit

/// A fixed dashboard state with every freshness word in it, for the status documents and their outputs.
enum StatusFixtures {
    /// 2026-09-21 14:13:20 UTC.
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

    static let jane = Account(
        id: "U1111111", displayName: "Jane\u{1B}]0;owned\u{07} Doe", baseCurrency: .usd, type: "INDIVIDUAL",
        isPaper: false)
    static let paper = Account(
        id: "DU2222222", displayName: "Paper", baseCurrency: .eur, type: "DEMO", isPaper: true)

    static let ordersRefused = SourceError(
        .notLoggedIn, endpoint: "/iserver/account/orders", message: "not logged in to the gateway",
        fix: "log in at https://localhost:5000")

    /// Jane's account: summary live (4 s of 15), ledger aging (40 s of 30), P&L live (3 s of 10), positions
    /// stale (50 s of 15), orders in error (the only try failed).
    static func janeState() -> AccountState {
        let summary = AccountSummary(
            currency: .usd, netLiquidation: decimal("1234567.891"), totalCash: decimal("234567.8"),
            excessLiquidity: decimal("555555.5"), cushion: decimal("0.45"))
        let ledger = Ledger(
            baseCurrency: .usd,
            entries: [.eur: LedgerEntry(currency: .eur, cashBalance: 1000, exchangeRate: decimal("1.08"))],
            base: LedgerEntry(currency: .usd, realizedPnl: decimal("-12.3")))
        let pnl = AccountPnL(daily: decimal("4120.5"), unrealized: decimal("10000.25"))
        let positions = [
            Position(
                account: jane.id,
                contract: Contract(conid: 265_598, symbol: "AAPL", description: "AAPL", assetClass: .stock, currency: .usd),
                quantity: 100, marketPrice: decimal("190.12"), marketValue: decimal("19012"),
                averageCost: decimal("150.5"), unrealizedPnl: decimal("3962")),
            Position(
                account: jane.id,
                contract: Contract(
                    conid: 723_456_789, symbol: "SPY", description: "SPY DEC2026 600 C, \"weekly\"", assetClass: .option,
                    currency: .usd, multiplier: 100),
                quantity: -2, marketPrice: decimal("14.5"), marketValue: decimal("-2900"), averageCost: decimal("1185"),
                unrealizedPnl: decimal("-530")),
        ]
        var state = AccountState(
            account: jane,
            summary: Cached(value: summary, fetchedAt: ago(4), cadence: .seconds(15)),
            ledger: Cached(value: ledger, fetchedAt: ago(40), cadence: .seconds(30)),
            positions: Cached(value: positions, fetchedAt: ago(50), cadence: .seconds(15)),
            pnl: Cached(value: pnl, fetchedAt: ago(3), cadence: .seconds(10)),
            orders: Cached(lastError: ordersRefused, lastErrorAt: ago(2), cadence: .seconds(10)),
            executions: Cached(cadence: .seconds(60)), quotes: Cached(cadence: .seconds(15)),
            totals: AccountTotals(currency: .usd))
        state.totals = AccountTotals(account: jane, summary: summary, ledger: ledger, pnl: pnl, history: nil)
        return state
    }

    /// The paper account: everything live but its P&L, which has not come yet; one working order.
    static func paperState() -> AccountState {
        let summary = AccountSummary(
            currency: .eur, netLiquidation: decimal("50000"), totalCash: decimal("50000"),
            excessLiquidity: decimal("50000"), cushion: 1)
        let ledger = Ledger(baseCurrency: .eur, entries: [:], base: LedgerEntry(currency: .eur, realizedPnl: 0))
        let order = Order(
            id: 1001, account: paper.id, conid: 14_016, symbol: "SAP", description: "SAP SE", side: .buy,
            orderType: "Limit", limitPrice: decimal("180.5"), quantity: 10, filled: 0, remaining: 10,
            status: .submitted, timeInForce: "DAY", lastUpdate: ago(60))
        var state = AccountState(
            account: paper,
            summary: Cached(value: summary, fetchedAt: ago(1), cadence: .seconds(15)),
            ledger: Cached(value: ledger, fetchedAt: ago(1), cadence: .seconds(30)),
            positions: Cached(value: [], fetchedAt: ago(1), cadence: .seconds(15)),
            pnl: Cached(cadence: .seconds(10)),
            orders: Cached(value: [order], fetchedAt: ago(1), cadence: .seconds(10)),
            executions: Cached(cadence: .seconds(60)), quotes: Cached(cadence: .seconds(15)),
            totals: AccountTotals(currency: .eur))
        state.totals = AccountTotals(account: paper, summary: summary, ledger: ledger, pnl: nil, history: nil)
        return state
    }

    static func state(session: SessionState = .authenticated) -> DashboardState {
        let accounts = [janeState(), paperState()]
        let converter = CurrencyConverter(ledgers: accounts.compactMap(\.ledger.value))
        return DashboardState(
            now: ago(0.5),
            connection: ConnectionInfo(gateway: "localhost:5000", session: session, sessionSince: ago(3600)),
            accounts: accounts,
            consolidated: ConsolidatedTotals(accounts: accounts, currency: .usd, converter: converter),
            cadences: EffectiveCadences(tickle: .seconds(60), datasets: [:], stretched: false),
            history: Cached(cadence: .seconds(21_600)))
    }

    static func document(session: SessionState = .authenticated) -> SnapshotDocument {
        SnapshotDocument(state: state(session: session), at: now, source: .dashboard)
    }

    /// A status document with the numbers given and everything else ordinary.
    static func status(
        netLiquidation: Decimal? = decimal("1234567.891"), dailyPnl: Decimal? = decimal("4120.5"),
        freshness: FreshnessWord = .live, session: SessionCode = .authenticated, currency: String? = "USD",
        missingRates: [String] = []
    ) -> StatusDocument {
        let percent = netLiquidation.flatMap { nl in dailyPnl.map { $0 / (nl - $0) * 100 } }
        return StatusDocument(
            generatedAt: now, session: session, currency: currency, netLiquidation: netLiquidation, dailyPnl: dailyPnl,
            dailyPnlPercent: percent, freshness: freshness, ageSeconds: 4, accounts: 2, missingRates: missingRates)
    }
}
