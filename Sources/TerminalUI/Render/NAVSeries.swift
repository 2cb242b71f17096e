import Foundation
import Portfolio

/// The daily NAV the P&L pane and the history view draw: one account's, or all accounts' added up by day when
/// they share a currency (otherwise the first account's, and the label says which).
struct NAVSeries {
    let label: String
    let points: [NAVPoint]

    init(model: DashboardModel) {
        let histories = model.shown.compactMap(\.history).filter { !$0.nav.isEmpty }
        guard let first = histories.first else {
            label = "NAV"
            points = []
            return
        }
        let currencies = Set(histories.map(\.baseCurrency))
        if histories.count > 1 && currencies.count == 1 {
            var byDay: [Date: Decimal] = [:]
            var counts: [Date: Int] = [:]
            for history in histories {
                for point in history.nav {
                    byDay[point.date, default: 0] += point.total
                    counts[point.date, default: 0] += 1
                }
            }
            // Only days every account reported, so a missing day does not look like a crash.
            label = "NAV all \(first.baseCurrency.code)"
            points = byDay.filter { counts[$0.key] == histories.count }.map { NAVPoint(date: $0.key, total: $0.value) }
                .sorted { $0.date < $1.date }
        } else {
            label = histories.count > 1 ? "NAV \(first.account.rawValue.sanitized)" : "NAV \(first.baseCurrency.code)"
            points = first.nav
        }
    }
}
