import Foundation
import Portfolio

/// The daily NAV the P&L pane and the history view draw: one account's in its base currency, or in the all-accounts
/// view every account's converted into the view's currency and added up by day. The state holds only today's rates
/// (from the ledgers), so past days are converted at those, and the label says so; an account whose currency has no
/// rate is left out and named, as in the summary strip.
struct NAVSeries {
    /// Short, for the P&L pane: `NAV U1234567 USD`, `NAV all USD`.
    let label: String
    /// What the numbers are, in words, for the history view.
    let explanation: String
    let points: [NAVPoint]

    /// What a series is made from, compared cheaply: the history's fetch time, the accounts shown, the currency
    /// they are added up in and the ledgers' fetch times (the rates). A year of daily NAV summed across accounts
    /// is worth keeping while these stay the same, which is every clock tick.
    struct Key: Hashable {
        private let history: Date?
        private let shown: [AccountID]
        private let currency: Currency?
        private let ledgers: [Date?]

        init(model: DashboardModel, state: DashboardState) {
            history = state.history.fetchedAt
            shown = model.shown.map(\.id)
            currency = state.consolidated?.totals.currency
            ledgers = model.isConsolidated ? state.accounts.map(\.ledger.fetchedAt) : []
        }
    }

    init(model: DashboardModel, state: DashboardState) {
        let histories = model.shown.compactMap(\.history).filter { !$0.nav.isEmpty }
        guard let first = histories.first else {
            label = "NAV"
            explanation = "no daily NAV in the statement"
            points = []
            return
        }
        guard model.isConsolidated else {
            label = "NAV \(first.baseCurrency.code.sanitized)"
            explanation = "\(first.account.rawValue.sanitized), in \(first.baseCurrency.code.sanitized)"
            points = first.nav
            return
        }
        let currency = state.consolidated?.totals.currency ?? first.baseCurrency
        let converter = CurrencyConverter(ledgers: state.accounts.compactMap(\.ledger.value))
        var byDay: [Date: Decimal] = [:]
        var counts: [Date: Int] = [:]
        var included = 0
        var converted = false
        var noRate = Set<String>()
        for history in histories {
            guard let rate = converter.rate(from: history.baseCurrency, to: currency) else {
                noRate.insert(history.baseCurrency.code.sanitized)
                continue
            }
            included += 1
            converted = converted || history.baseCurrency != currency
            for point in history.nav {
                byDay[point.date, default: 0] += rate.convert(point.total)
                counts[point.date, default: 0] += 1
            }
        }
        // Only days every included account reported, so a missing day does not look like a crash.
        points = byDay.filter { counts[$0.key] == included }.map { NAVPoint(date: $0.key, total: $0.value) }
            .sorted { $0.date < $1.date }
        let code = currency.code.sanitized
        let whole = included == model.shown.count
        label = whole ? "NAV all \(code)" : "NAV \(included) of \(model.shown.count) \(code)"
        var words = whole ? "all accounts" : "\(included) of \(model.shown.count) accounts"
        words += " in \(code)"
        if converted { words += " at today's FX rates" }
        let missing = model.shown.count - histories.count
        if missing > 0 { words += "; \(missing) without daily NAV in the statement" }
        if !noRate.isEmpty { words += "; no rate for \(noRate.sorted().joined(separator: ",")): left out" }
        explanation = words
    }
}
